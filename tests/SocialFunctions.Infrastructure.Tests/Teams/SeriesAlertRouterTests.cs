using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Teams;

public sealed class SeriesAlertRouterTests : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "sf-alerts-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingMail _mail = new();

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    [Fact]
    public async Task NotifyAsync_NoWebhookNoRecipients_WritesCardJsonToOutbox()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();

        var delivery = await Router(http).NotifyAsync(Alert(), BrandSettings.CreateDefault("acme"), ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("outbox", delivery.Channel);
        var file = Assert.Single(Directory.GetFiles(_outbox, "*.json"));
        Assert.Equal(file, delivery.Where);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file, ct));
        Assert.Equal("AdaptiveCard", json.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("type").GetString());
        Assert.Empty(_mail.Sent);
    }

    [Fact]
    public async Task NotifyAsync_TeamRecipientsOnly_SendsTaggedMail()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        var brand = BrandSettings.CreateDefault("acme") with { TeamRecipients = ["social@acme.example"], Sender = "reports@acme.example" };

        var delivery = await Router(http).NotifyAsync(Alert(), brand, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("mail", delivery.Channel);
        var mail = Assert.Single(_mail.Sent);
        Assert.Equal(["social@acme.example"], mail.To);
        Assert.Equal("series-1", mail.Tag);
        Assert.Equal("Underperforming: Tips on instagram", mail.Subject);
        Assert.Contains("<p>−60 % over 4 posts since 5 May; 4 of the 4 below the channel&#39;s median for images</p>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_outbox));
    }

    [Fact]
    public async Task NotifyAsync_Webhook_PostsCardThere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        using var http = new HttpClient();
        var brand = BrandSettings.CreateDefault("acme") with { TeamsWebhookUrl = new Uri(server.BaseAddress, "hook?sig=s").AbsoluteUri, TeamRecipients = ["social@acme.example"] };

        var delivery = await Router(http).NotifyAsync(Alert(), brand, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("teams", delivery.Channel);
        var request = Assert.Single(server.Requests);
        Assert.Contains("\"type\":\"AdaptiveCard\"", request.BodyText, StringComparison.Ordinal);
        Assert.Empty(_mail.Sent);
    }

    private SeriesAlertRouter Router(HttpClient http) => new(
        new TeamsWebhookNotifier(http, Options.Create(new TeamsOptions { BaseDelay = TimeSpan.FromMilliseconds(10) }), TimeProvider.System, NullLogger<TeamsWebhookNotifier>.Instance),
        new AlertOutboxWriter(Options.Create(new AlertOutboxOptions { Path = _outbox }), new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero))),
        _mail,
        NullLogger<SeriesAlertRouter>.Instance);

    private static SeriesAlert Alert() => new()
    {
        Kind = AlertKind.Started,
        BrandDisplayName = "Acme",
        ReportMonth = "2026-06",
        PublicBaseUrl = "https://sf.example.com",
        Id = "series-1",
        Health = new SeriesHealth
        {
            Brand = "acme",
            Channel = "instagram",
            Series = "Tips",
            Status = SeriesStatus.Underperforming,
            RecentEngagementRate = 0.012,
            BaselineEngagementRate = 0.03,
            RelativeGap = -0.6,
            Posts = 4,
            OnsetAt = new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero),
            PostsBelowMedian = 4,
            BaselineBasis = SeriesBaselineBasis.ContentType,
            BaselineContentType = "image",
            Confidence = 0.999,
        },
    };

    private sealed class RecordingMail : IMailSender
    {
        public List<OutgoingMail> Sent { get; } = [];

        public Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            Sent.Add(mail);
            return Task.FromResult(new MailSendResult(true, "test"));
        }
    }
}
