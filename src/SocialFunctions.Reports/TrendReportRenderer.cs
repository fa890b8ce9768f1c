using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Glossary;

namespace SocialFunctions.Reports;

/// <summary>
/// Renders a <see cref="ReportModel"/> as the monthly PDF trend report. Stateless and thread-safe: register it as a
/// singleton; fonts and the glossary are loaded once per process and shared read-only.
/// </summary>
public sealed class TrendReportRenderer : IReportRenderer
{
    private readonly FontLibrary fonts;

    public TrendReportRenderer()
        : this(FontLibrary.Default)
    {
    }

    internal TrendReportRenderer(FontLibrary fonts)
    {
        this.fonts = fonts;
    }

    public async Task RenderAsync(ReportModel model, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);

        // Layout and drawing are CPU-bound and synchronous in SkiaSharp; keep them off the caller's thread.
        using var buffer = new MemoryStream();
        await Task.Run(() => Render(model, buffer, cancellationToken), cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public void Render(ReportModel model, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        DocumentRenderer.RenderPdf(new TrendReport(model, fonts, MetricGlossary.For(model.Locale)), output, cancellationToken);
    }

    public byte[] Render(ReportModel model, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        Render(model, buffer, cancellationToken);
        return buffer.ToArray();
    }
}
