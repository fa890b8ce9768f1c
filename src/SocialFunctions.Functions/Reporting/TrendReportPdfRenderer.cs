using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports;

namespace SocialFunctions.Functions.Reporting;

/// <summary>Puts the Reports project's renderer behind Core's port, so delivery (in Infrastructure) needs no SkiaSharp.</summary>
internal sealed class TrendReportPdfRenderer(TrendReportRenderer renderer) : IReportRenderer
{
    public Task RenderAsync(ReportModel model, Stream output, CancellationToken cancellationToken) =>
        renderer.RenderAsync(model, output, cancellationToken);
}
