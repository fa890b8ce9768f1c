using Microsoft.Extensions.Logging;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Reporting;

/// <summary>Report delivery events (2xxx: report range).</summary>
internal static partial class ReportDeliveryLog
{
    [LoggerMessage(2201, LogLevel.Information, "Report {Brand} {Month}: claim decision {Decision}")]
    public static partial void Decision(ILogger logger, string brand, string month, ReportRunClaimDecision decision);

    [LoggerMessage(2202, LogLevel.Information, "Report {Brand} {Month} sent ({Delivery})")]
    public static partial void Sent(ILogger logger, string brand, string month, string delivery);

    [LoggerMessage(2203, LogLevel.Warning, "Report {Brand} {Month} failed: {Reason}")]
    public static partial void MarkedFailed(ILogger logger, string brand, string month, string reason);

    [LoggerMessage(2204, LogLevel.Error, "Report {Brand} {Month} run threw")]
    public static partial void Failed(ILogger logger, string brand, string month, Exception exception);

    [LoggerMessage(2205, LogLevel.Warning, "Report {Brand} {Month}: another invocation took over the claim; stopping")]
    public static partial void LostClaim(ILogger logger, string brand, string month);
}
