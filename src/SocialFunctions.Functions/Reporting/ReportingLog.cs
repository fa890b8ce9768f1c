namespace SocialFunctions.Functions.Reporting;

/// <summary>Report events at the edge (2xxx: report range).</summary>
internal static partial class ReportingLog
{
    [LoggerMessage(2301, LogLevel.Information, "PlanMonthlyReports: {Brand} has {Count} due period(s) from {First}; enqueued")]
    public static partial void Enqueued(ILogger logger, string brand, int count, string first);

    [LoggerMessage(2303, LogLevel.Information, "RenderBrandReport: {Brand} {Month} → {State} {Reason}")]
    public static partial void PeriodDone(ILogger logger, string brand, string month, string state, string? reason);

    [LoggerMessage(2304, LogLevel.Warning, "PlanMonthlyReports: skipped {Brand}: {Reason}")]
    public static partial void SkippedBrand(ILogger logger, string brand, string reason);

    [LoggerMessage(2501, LogLevel.Information, "Saved commentary of {Brand} for {Month} ({Characters} characters)")]
    public static partial void CommentarySaved(ILogger logger, string brand, string month, int characters);
}
