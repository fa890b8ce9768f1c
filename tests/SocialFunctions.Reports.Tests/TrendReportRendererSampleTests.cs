using SocialFunctions.Core.Brands;
using SocialFunctions.Reports.Tests.Fixtures;

namespace SocialFunctions.Reports.Tests;

/// <summary>Writes the fixture report to disk when SF_REPORT_SAMPLE_DIR is set (eng/render-report-pages.sh turns it into PNGs).</summary>
public sealed class TrendReportRendererSampleTests
{
    [Fact]
    public async Task RenderAsync_SampleDirectorySet_WritesEnglishAndFrenchSamples()
    {
        var directory = Environment.GetEnvironmentVariable("SF_REPORT_SAMPLE_DIR");
        Assert.SkipWhen(string.IsNullOrEmpty(directory), "SF_REPORT_SAMPLE_DIR is not set.");
        Directory.CreateDirectory(directory!);
        var renderer = new TrendReportRenderer();
        var model = ReportModelBuilder.Build();
        foreach (var (name, sample) in new[] { ("sample-en.pdf", model), ("sample-fr-letter.pdf", model with { Locale = ReportLocale.French, PaperSize = PaperSize.Letter }) })
        {
            await using var file = File.Create(Path.Combine(directory!, name));
            await renderer.RenderAsync(sample, file, TestContext.Current.CancellationToken);
            Assert.True(file.Length > 10_000);
        }
    }
}
