using Microsoft.Extensions.Logging;

namespace SocialFunctions.Infrastructure.Mail;

/// <summary>Mail delivery events (2xxx: report range). Never logs bodies, addresses' tokens or secrets.</summary>
internal static partial class GraphMailLog
{
    [LoggerMessage(2101, LogLevel.Information, "Mail {Tag} accepted by Graph on attempt {Attempt}")]
    public static partial void Sent(ILogger logger, string tag, int attempt);

    [LoggerMessage(2102, LogLevel.Warning, "Mail {Tag} rejected by Graph: {Reason}")]
    public static partial void Rejected(ILogger logger, string tag, string? reason);

    [LoggerMessage(2103, LogLevel.Warning, "Mail {Tag} attempt {Attempt} did not go out: {Reason}")]
    public static partial void NotSent(ILogger logger, string tag, int attempt, string? reason);

    [LoggerMessage(2104, LogLevel.Warning, "Mail {Tag} attempt {Attempt} has an unknown outcome ({Reason}); checking Sent Items before any retry")]
    public static partial void Unknown(ILogger logger, string tag, int attempt, string? reason);

    [LoggerMessage(2105, LogLevel.Information, "Mail {Tag} found in Sent Items as {MessageId}; not sending again")]
    public static partial void FoundInSentItems(ILogger logger, string tag, string messageId);

    [LoggerMessage(2106, LogLevel.Information, "Mail mode: {Mode} ({Detail})")]
    public static partial void Mode(ILogger logger, MailMode mode, string detail);
}
