namespace SocialFunctions.Functions.Alerts;

/// <summary>Series check logging (EventIds 30xx).</summary>
internal static partial class AlertsLog
{
    [LoggerMessage(3001, LogLevel.Information, "Series check of {Brand}: {Series} series, {Sent} alerts sent")]
    public static partial void Checked(ILogger logger, string brand, int series, int sent);

    [LoggerMessage(3002, LogLevel.Warning, "Series alert {Kind} for {Series} on {Channel} of {Brand} was not delivered: {Reason}")]
    public static partial void NotDelivered(ILogger logger, string kind, string series, string channel, string brand, string? reason);

    [LoggerMessage(3004, LogLevel.Information, "Planned series checks for {Brands} brands")]
    public static partial void Planned(ILogger logger, int brands);
}
