using Microsoft.Extensions.Options;
using MimeKit;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Mail;

/// <summary>
/// The local stand-in for Graph: each mail becomes <c>{tag}.eml</c> in the outbox folder, exactly what would be sent
/// (headers, HTML body, PDF attached). The file name comes from the tag, so a second send of the same mail finds the
/// first file and writes nothing: the outbox is exactly-once like the Graph path.
/// </summary>
public sealed class OutboxMailSender(IOptions<MailOutboxOptions> options) : IMailSender
{
    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var folder = Path.GetFullPath(options.Value.Path);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileNameFor(mail.Tag));

        using var message = ToMime(mail);
        try
        {
            // CreateNew: the existence check and the write are one step, so concurrent senders cannot both write.
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await message.WriteToAsync(file, cancellationToken);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new MailSendResult(true, path, "already in the outbox; not written again");
        }

        return new MailSendResult(true, path);
    }

    /// <summary>A file-system-safe name for a tag (<c>contoso/2026-10/0</c> → <c>contoso_2026-10_0.eml</c>).</summary>
    public static string FileNameFor(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var chars = tag.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray();
        return new string(chars) + ".eml";
    }

    internal static MimeMessage ToMime(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From));
        foreach (var to in mail.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = mail.Subject;
        message.Headers.Add(MailDefaults.RunHeader, mail.Tag);
        var body = new BodyBuilder { HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
