using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Tests.Reporting;

/// <summary>Brand settings in memory (the real store is another adapter's concern).</summary>
internal sealed class InMemoryBrandSettingsStore(params BrandSettings[] brands) : IBrandSettingsStore
{
    private readonly ConcurrentDictionary<string, BrandSettings> _brands = new(brands.ToDictionary(b => b.Brand));

    public Task<BrandSettings?> GetAsync(string brand, CancellationToken cancellationToken) =>
        Task.FromResult(_brands.TryGetValue(brand, out var settings) ? settings : null);

    public Task SaveAsync(BrandSettings settings, CancellationToken cancellationToken)
    {
        _brands[settings.Brand] = settings;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BrandSettings> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var settings in _brands.Values.OrderBy(b => b.Brand, StringComparer.Ordinal))
        {
            yield return settings;
        }
    }
}

/// <summary>A report model per month with two insights, one carrying markup that must arrive escaped.</summary>
internal sealed class FixedReportModelSource(TimeProvider timeProvider) : IReportModelSource
{
    public ConcurrentBag<string> Built { get; } = [];

    public Task<ReportModel> BuildAsync(string brand, string month, CancellationToken cancellationToken)
    {
        Built.Add(month);
        return Task.FromResult(new ReportModel
        {
            Brand = brand,
            DisplayName = "Contoso",
            Month = month,
            TimeZone = "Europe/Paris",
            Locale = "en",
            FunnelFocus = "consideration",
            GeneratedAt = timeProvider.GetUtcNow(),
            Insights =
            [
                new Insight { Rank = 2, Text = "Reach on Instagram fell 12% month on month." },
                new Insight { Rank = 1, Text = "Engagement rate <b>rose</b> to 4.1% & beat the baseline." },
            ],
        });
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
