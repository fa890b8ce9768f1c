using Microsoft.Extensions.Logging;

namespace SocialFunctions.Infrastructure.Teams;

/// <summary>Alert delivery logging (EventIds 31xx). Webhook URLs are secrets and are never logged.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(3101, LogLevel.Warning, "Teams webhook answered {Status} (attempt {Attempt} of {MaxAttempts}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int status, int attempt, int maxAttempts, double delayMs);

    [LoggerMessage(3102, LogLevel.Error, "Teams webhook post failed after {Attempts} attempts: {Reason}")]
    public static partial void Failed(ILogger logger, int attempts, string reason);

    [LoggerMessage(3103, LogLevel.Information, "Series alert {Kind} for {Series} on {Channel} of {Brand} delivered via {Via}")]
    public static partial void Delivered(ILogger logger, string kind, string series, string channel, string brand, string via);

    [LoggerMessage(3104, LogLevel.Warning, "Teams webhook request failed (attempt {Attempt} of {MaxAttempts})")]
    public static partial void TransportError(ILogger logger, int attempt, int maxAttempts, Exception exception);
}
