using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Ports;

/// <summary>Renders a report model as the PDF trend report (the Reports project implements it; Core stays SDK-free).</summary>
public interface IReportRenderer
{
    Task RenderAsync(ReportModel model, Stream output, CancellationToken cancellationToken);
}
