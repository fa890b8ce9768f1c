using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Tests.Reporting;

/// <summary>Brand settings in memory (the real store has its own tests), counting reads: delivery reads them once per run.</summary>
internal sealed class InMemoryBrandSettingsStore(params BrandSettings[] brands) : IBrandSettingsStore
{
    private readonly ConcurrentDictionary<BrandName, BrandSettings> _brands = new(brands.ToDictionary(b => b.Brand));
    private int _reads;

    public int Reads => _reads;

    public Task<BrandSettings?> GetAsync(BrandName brand, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_brands.TryGetValue(brand, out var settings) ? settings : null);
    }

    public Task SaveAsync(BrandSettings settings, CancellationToken cancellationToken)
    {
        _brands[settings.Brand] = settings;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BrandSettings> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var settings in _brands.Values.OrderBy(b => b.Brand.Value, StringComparer.Ordinal))
        {
            yield return settings;
        }
    }
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
