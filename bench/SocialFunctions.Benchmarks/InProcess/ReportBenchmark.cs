using System.Diagnostics;
using System.Globalization;
using SocialFunctions.Benchmarks.EndToEnd;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports;

namespace SocialFunctions.Benchmarks.InProcess;

/// <summary>
/// The monthly report of a big brand, in process: 8 channels, 13 months, 40 series, 5,000 posts a month (plus daily
/// follower series). Times the model (TrendReportBuilder) and the PDF (TrendReportRenderer) separately.
/// </summary>
public static class ReportBenchmark
{
    private const int Channels8 = 8;
    private const int PostsPerMonth = 5_000;
    private const int SeriesCount = 40;
    private const int WarmUps = 40;

    public static List<Figure> Run(int repetitions)
    {
        var month = new ReportMonth(2026, 10);
        var input = Input(month);
        var builder = new TrendReportBuilder(TimeProvider.System);
        var renderer = new TrendReportRenderer();

        // Warm-ups (fonts, JIT), then the measured runs. Judged on CPU seconds of the process (GC included): on the
        // shared machine a wall clock measures the neighbours' load as much as this code.
        // A report service renders many reports, so the measure is its steady state. The tiered JIT promotes a method
        // to optimised code after 30 calls, and methods called once a report (the builder's steps, each section's
        // composition) get there only after 30 reports; with 3 warm-ups the runs measured the JIT's background thread
        // recompiling them (about half of their CPU seconds, perf on 2026-12-01).
        for (var i = 0; i < WarmUps; i++)
        {
            renderer.Render(builder.Build(input), CancellationToken.None);
            DocumentRenderer.RenderPdf(new ChartsOnlyDocument(builder.Build(input)), Stream.Null, CancellationToken.None);
        }

        var models = new List<double>();
        var pdfs = new List<double>();
        var chartsOnly = new List<double>();
        var walls = new List<double>();
        var chartCount = 0;
        var pages = 0L;
        for (var rep = 0; rep < repetitions; rep++)
        {
            var wall = Stopwatch.StartNew();
            var start = CpuSeconds();
            var model = builder.Build(input);
            var afterModel = CpuSeconds();
            var pdf = renderer.Render(model, CancellationToken.None);
            var afterPdf = CpuSeconds();
            walls.Add(wall.Elapsed.TotalSeconds);
            models.Add(afterModel - start);
            pdfs.Add(afterPdf - afterModel);
            pages = pdf.Length;
            var charts = new ChartsOnlyDocument(model);
            var chartStart = CpuSeconds();
            using (var buffer = new MemoryStream())
            {
                DocumentRenderer.RenderPdf(charts, buffer, CancellationToken.None);
            }

            chartsOnly.Add(CpuSeconds() - chartStart);
            chartCount = charts.Charts;
            Console.WriteLine($"    rep {rep + 1}: CPU model {models[^1]:N2} s + PDF {pdfs[^1]:N2} s = {models[^1] + pdfs[^1]:N2} s (wall {walls[^1]:N2} s, {pdf.Length / 1024:N0} KB); its {charts.Charts} charts alone {chartsOnly[^1]:N2} s CPU");
        }

        var totals = models.Zip(pdfs, (m, p) => m + p).ToList();
        var median = EndToEndBenchmarks.Median(totals);
        var ratio = median / EndToEndBenchmarks.Median(chartsOnly);
        return
        [
            new Figure(
                $"Report: model + PDF, {Channels8} channels × 13 months, {SeriesCount} series, {PostsPerMonth:N0} posts/month",
                $"{median:N2} s of CPU time (model {EndToEndBenchmarks.Median(models):N2} s, PDF {EndToEndBenchmarks.Median(pdfs):N2} s; wall {EndToEndBenchmarks.Median(walls):N2} s)",
                "< 3 s",
                median < 3,
                $"CPU per run: {string.Join(", ", totals.Select(t => t.ToString("N2", CultureInfo.InvariantCulture)))} s; PDF {pages / 1024:N0} KB"),
            new Figure(
                $"Report: model + PDF ÷ its {chartCount} charts rendered alone (CPU time)",
                $"{ratio:N2}× (charts alone {EndToEndBenchmarks.Median(chartsOnly):N2} s)",
                "< 1.5×",
                ratio < 1.5,
                $"charts alone, CPU per run: {string.Join(", ", chartsOnly.Select(t => t.ToString("N2", CultureInfo.InvariantCulture)))} s; the PDF step alone ÷ charts: {EndToEndBenchmarks.Median(pdfs) / EndToEndBenchmarks.Median(chartsOnly):N2}×"),
        ];
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static TrendReportInput Input(ReportMonth month)
    {
        var random = new Random(11);
        string[] channels = [Channels.Facebook, Channels.Instagram, Channels.X, Channels.LinkedIn, Channels.TikTok, Channels.YouTube, Channels.Pinterest, Channels.Blog];
        var rules = Enumerable.Range(0, SeriesCount).Select(i => new SeriesRule { Name = $"Series {i:D2}", Hashtag = $"#Series{i:D2}" }).ToList();
        var settings = BrandSettings.CreateDefault(BrandName.Parse("bench-report")) with { DisplayName = "Bench Brand", SeriesRules = rules };
        var posts = new List<CanonicalPost>(PostsPerMonth * 14);
        var first = month.AddMonths(-13);
        for (var m = 0; m < 14; m++)
        {
            var current = first.AddMonths(m);
            var start = new DateTimeOffset(current.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var seconds = (current.LastDay.DayNumber - current.FirstDay.DayNumber + 1) * 86_400;
            for (var i = 0; i < PostsPerMonth; i++)
            {
                var channel = channels[i % Channels8];
                var series = random.Next(3) == 0 ? null : $"Series {random.Next(SeriesCount):D2}";
                var impressions = 500 + random.Next(20_000);
                posts.Add(new CanonicalPost
                {
                    Brand = settings.Brand,
                    Channel = channel,
                    PostId = $"{current}-{i}",
                    PublishedAt = start.AddSeconds(random.Next(seconds)),
                    Text = series is null ? "An everyday post" : $"Today in {series} #{series.Replace(" ", string.Empty, StringComparison.Ordinal)}",
                    ContentType = ContentTypes.Image,
                    Series = series,
                    Impressions = impressions,
                    Reach = impressions * 3 / 4,
                    Reactions = impressions / (20 + random.Next(40)),
                    Comments = impressions / 400,
                    Shares = impressions / 900,
                    Clicks = impressions / 80,
                    Kind = ExportKind.Posts,
                });
            }
        }

        var daily = new List<DailyMetric>();
        foreach (var channel in channels)
        {
            for (var d = first.FirstDay; d <= month.LastDay; d = d.AddDays(1))
            {
                daily.Add(new DailyMetric { Brand = settings.Brand, Channel = channel, Metric = "followers", Date = d, Value = 10_000 + (d.DayNumber % 1000) * 3 });
            }
        }

        return new TrendReportInput { Settings = settings, Month = month, Posts = posts, Daily = daily };
    }
}
