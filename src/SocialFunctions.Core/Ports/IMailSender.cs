namespace SocialFunctions.Core.Ports;

/// <summary>Sends one email: through Microsoft Graph in Azure, into the outbox folder as .eml locally.</summary>
public interface IMailSender
{
    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>An email to send. <see cref="Tag"/> identifies it so an unknown outcome can be checked before resending.</summary>
public sealed record OutgoingMail
{
    /// <summary>The mailbox that sends (Graph <c>users/{from}/sendMail</c>).</summary>
    public required string From { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    public required string Subject { get; init; }

    public required string HtmlBody { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>A unique id (e.g. the report run id) written as the <c>x-socialfunctions-run</c> internet header.</summary>
    public required string Tag { get; init; }

    /// <summary>
    /// True when an earlier attempt with the same <see cref="Tag"/> may have gone out (a re-claimed crashed run):
    /// the sender looks for the tag among sent mail before sending.
    /// </summary>
    public bool MayHaveBeenSent { get; init; }
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <param name="Delivered">True when the mail was accepted (Graph 202) or found already sent (Sent Items).</param>
/// <param name="Where">Where it went: "graph", or the outbox file path.</param>
/// <param name="Detail">Why it failed, or a note ("found in Sent Items; not sent again").</param>
public sealed record MailSendResult(bool Delivered, string Where, string? Detail = null);
