using Microsoft.Extensions.Options;
using MimeKit;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Mail;

public sealed class OutboxMailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("outbox"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_Mail_WritesEmlWithHeaderBodyAndPdf()
    {
        var ct = TestContext.Current.CancellationToken;
        var sender = new OutboxMailSender(Options.Create(new MailOutboxOptions { Path = _folder }));
        var mail = GraphTestServer.TestMail(attachmentBytes: 5000) with { HtmlBody = "<p>Engagement &amp; reach</p>" };

        var result = await sender.SendAsync(mail, ct);

        Assert.True(result.Delivered);
        Assert.Equal(Path.Combine(_folder, "contoso_2026-10_0.eml"), result.Where);
        using var message = await MimeMessage.LoadAsync(result.Where, ct);
        Assert.Equal("contoso/2026-10/0", message.Headers["x-socialfunctions-run"]);
        Assert.Equal("reports@contoso.com", message.From.Mailboxes.Single().Address);
        Assert.Equal(["cmo@contoso.com", "ceo@contoso.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Contoso: social media report, October 2026", message.Subject);
        Assert.Equal("<p>Engagement &amp; reach</p>", message.HtmlBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("contoso-2026-10.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, ct);
        Assert.Equal(GraphTestServer.Pattern(5000), content.ToArray());
    }

    [Fact]
    public async Task SendAsync_SameTagTwice_OneFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var sender = new OutboxMailSender(Options.Create(new MailOutboxOptions { Path = _folder }));

        var first = await sender.SendAsync(GraphTestServer.TestMail(), ct);
        var second = await sender.SendAsync(GraphTestServer.TestMail() with { Subject = "changed" }, ct);

        Assert.True(second.Delivered);
        Assert.Equal(first.Where, second.Where);
        Assert.Contains("already in the outbox", second.Detail, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_folder));
        using var message = await MimeMessage.LoadAsync(first.Where, ct);
        Assert.Equal("Contoso: social media report, October 2026", message.Subject);
    }

    [Theory]
    [InlineData("contoso/2026-10/0", "contoso_2026-10_0.eml")]
    [InlineData("../../etc/passwd", ".._.._etc_passwd.eml")]
    public void FileNameFor_Tag_StaysInsideFolder(string tag, string expected) => Assert.Equal(expected, OutboxMailSender.FileNameFor(tag));
}
