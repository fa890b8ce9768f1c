using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Ports;

/// <summary>Builds the report model of one brand and month from stored data (the analytics behind the report).</summary>
public interface IReportModelSource
{
    /// <param name="brand">The brand.</param>
    /// <param name="month">Calendar month in the brand's time zone, <c>yyyy-MM</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<ReportModel> BuildAsync(string brand, string month, CancellationToken cancellationToken);
}
