namespace SocialFunctions.Host.Reporting;

/// <summary>Monthly-run events at the edge (2xxx: report range).</summary>
internal static partial class ReportDeliveryLog
{
    [LoggerMessage(2301, LogLevel.Information, "PlanMonthlyReports: {Brand} has {Count} due period(s) from {First}; enqueued")]
    public static partial void Enqueued(ILogger logger, string brand, int count, string first);

    [LoggerMessage(2302, LogLevel.Warning, "RenderBrandReport: ignored message ({Reason})")]
    public static partial void IgnoredMessage(ILogger logger, string reason);

    [LoggerMessage(2303, LogLevel.Information, "RenderBrandReport: {Brand} {Month} → {State}")]
    public static partial void PeriodDone(ILogger logger, string brand, string month, string state);

    [LoggerMessage(2304, LogLevel.Warning, "PlanMonthlyReports: skipped {Brand}: {Reason}")]
    public static partial void SkippedBrand(ILogger logger, string brand, string reason);
}
