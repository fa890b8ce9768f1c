using System.Text;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Tests.Reporting;

/// <summary>
/// The brand settings table on Azurite, counting the reads that go through it: delivery reads the settings once per run.
/// </summary>
internal sealed class CountingBrandSettingsStore(IBrandSettingsStore inner) : IBrandSettingsStore
{
    private int _reads;

    public int Reads => _reads;

    public Task<BrandSettings?> GetAsync(BrandName brand, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return inner.GetAsync(brand, cancellationToken);
    }

    public Task SaveAsync(BrandSettings settings, CancellationToken cancellationToken) => inner.SaveAsync(settings, cancellationToken);

    public IAsyncEnumerable<BrandSettings> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
}

/// <summary>Writes a tiny stand-in PDF naming its brand and month (the real renderer is tested in Reports.Tests).</summary>
internal sealed class StubReportRenderer : IReportRenderer
{
    public async Task RenderAsync(ReportModel model, Stream output, CancellationToken cancellationToken) =>
        await output.WriteAsync(Encoding.ASCII.GetBytes($"%PDF-1.7 {model.Brand} {model.Month}"), cancellationToken);
}

/// <summary>A renderer that fails, to see failures recorded on the run.</summary>
internal sealed class FailingReportRenderer : IReportRenderer
{
    public Task RenderAsync(ReportModel model, Stream output, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("font missing");
}
