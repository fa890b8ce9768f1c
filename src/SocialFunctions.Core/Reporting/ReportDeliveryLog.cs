using Microsoft.Extensions.Logging;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Reporting;

/// <summary>Report delivery events (2xxx: report range).</summary>
internal static partial class ReportDeliveryLog
{
    [LoggerMessage(2201, LogLevel.Information, "Report {Brand} {Month}: claim decision {Decision}")]
    public static partial void Decision(ILogger logger, BrandName brand, ReportMonth month, ReportRunClaimDecision decision);

    [LoggerMessage(2202, LogLevel.Information, "Report {Brand} {Month} sent ({Delivery})")]
    public static partial void Sent(ILogger logger, BrandName brand, ReportMonth month, string delivery);

    [LoggerMessage(2203, LogLevel.Warning, "Report {Brand} {Month} failed: {Reason}")]
    public static partial void MarkedFailed(ILogger logger, BrandName brand, ReportMonth month, string reason);

    [LoggerMessage(2204, LogLevel.Error, "Report {Brand} {Month} run threw")]
    public static partial void Failed(ILogger logger, BrandName brand, ReportMonth month, Exception exception);

    [LoggerMessage(2205, LogLevel.Warning, "Report {Brand} {Month}: another invocation took over the claim; stopping")]
    public static partial void LostClaim(ILogger logger, BrandName brand, ReportMonth month);
}
