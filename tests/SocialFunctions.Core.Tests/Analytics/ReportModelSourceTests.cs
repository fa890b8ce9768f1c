using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

public class ReportModelSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BuildAsync_StoredData_QueriesHistoryWindowInBrandZone()
    {
        var records = new InMemoryRecords([Post(Channels.Blog, "b1", "2026-10-05T10:00:00Z", 100, 5)]);
        var source = Source(new BrandSettings { Brand = Acme, Clock = BrandClock.Find("Europe/Paris") }, records, [Upload(Channels.Blog, "2026-10-01", "2026-10-31")], "notes");

        var model = await source.BuildAsync(Acme, October, Ct);

        Assert.Equal(100, Assert.Single(model.Channels).Impressions);
        Assert.Equal("notes", model.Commentary);
        // 13 months back from October 2026 = October 2025, minus 90 days, from local midnight in Paris (CEST, UTC+2).
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 22, 0, 0, TimeSpan.Zero), records.PostsFrom);
        // To the end of the month's last ISO week (Sunday 1 November), which the cadence table lists whole.
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 23, 0, 0, TimeSpan.Zero), records.PostsTo);
        Assert.Equal((new DateOnly(2025, 9, 1), new DateOnly(2026, 10, 31)), (records.DailyFrom, records.DailyTo));
    }

    [Fact]
    public async Task BuildAsync_NoSettingsButUploads_UsesDefaults()
    {
        var source = Source(null, new InMemoryRecords([]), [Upload(Channels.Blog, "2026-10-01", "2026-10-31")], null);

        var model = await source.BuildAsync(Acme, October, Ct);

        Assert.Equal(("acme", "UTC", ReportLocale.English), (model.DisplayName, model.Clock.ZoneId, model.Locale));
    }

    [Fact]
    public async Task BuildAsync_NoSettingsNoUploads_UnknownBrand()
    {
        var source = Source(null, new InMemoryRecords([]), [], null);

        var ex = await Assert.ThrowsAsync<UnknownBrandException>(() => source.BuildAsync(Acme, October, Ct));

        // The API's 404 names the brand and why.
        Assert.Equal(Acme, ex.Brand);
        Assert.Equal("Brand 'acme' is unknown: it has no settings and no uploads.", ex.Message);
    }

    [Fact]
    public async Task BuildAsync_NoSettings_Refused()
    {
        var source = Source(null, new InMemoryRecords([]), [], null);

        await Assert.ThrowsAsync<ArgumentNullException>(() => source.BuildAsync((BrandSettings)null!, October, Ct));
    }

    [Fact]
    public async Task BuildAsync_ReadCancelled_CancellationReachesTheCallerUnwrapped()
    {
        // Callers tell a cancelled build (host shutting down, client gone) from a failed one by the exception's type
        // (`catch … when (ex is not OperationCanceledException)`): it must not arrive wrapped in an AggregateException.
        var failure = new OperationCanceledException("the daily read was cancelled");
        var source = Source(BrandSettings.CreateDefault(Acme), new InMemoryRecords([], failure), [], null);

        var thrown = await Assert.ThrowsAsync<OperationCanceledException>(() => source.BuildAsync(Acme, October, Ct));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public async Task BuildAsync_SettingsGiven_DoesNotReadTheStoreAndWordsInsightsInBothLanguages()
    {
        var brands = new OneBrand(null);
        var records = new InMemoryRecords([Post(Channels.Blog, "b1", "2026-10-05T10:00:00Z", 100, 5)]);
        var source = new ReportModelSource(brands, records, new Uploads([]), new Commentary(null), new TrendReportBuilder(new FakeTimeProvider()), new SeriesDetector(new SeriesDetectionOptions()), new KindWording(), new StatusWording());

        var model = await source.BuildAsync(BrandSettings.CreateDefault(Acme) with { Locale = ReportLocale.French }, October, Ct);

        Assert.Equal(0, brands.Reads);
        var total = Assert.Single(model.Insights);
        Assert.Equal(("total 2026-10 en", "total 2026-10 fr"), (total.Text, total.LocalizedText));
        var caveat = Assert.Single(model.Caveats);
        Assert.Equal(InsightKind.NoCoverage, caveat.Kind);
        Assert.Equal(("no-coverage 2026-10 en", "no-coverage 2026-10 fr"), (caveat.Text, caveat.LocalizedText));
    }

    [Fact]
    public void WindowFor_BuilderBaseline_IsTheWindowsBaseline()
    {
        var clock = BrandClock.Utc;
        var builder = new TrendReportBuilder(new FakeTimeProvider(), new TrendReportOptions { BaselineDays = 30 });

        var window = builder.WindowFor(October, clock);

        // 13 history months start October 2025; the posts load begins the builder's 30 baseline days earlier.
        Assert.Equal(clock.StartOf(new DateOnly(2025, 10, 1).AddDays(-30)), window.PostsFrom);
    }

    private static readonly BrandName Acme = BrandName.Parse("acme");
    private static readonly ReportMonth October = ReportMonth.Parse("2026-10");

    private static ReportModelSource Source(BrandSettings? settings, InMemoryRecords records, IReadOnlyList<UploadRecord> uploads, string? commentary) =>
        new(new OneBrand(settings), records, new Uploads(uploads), new Commentary(commentary), new TrendReportBuilder(new FakeTimeProvider()), new SeriesDetector(new SeriesDetectionOptions()), new KindWording(), new StatusWording());

    /// <summary>Words an insight as its kind, month and language, so a test sees which words were asked for.</summary>
    private sealed class KindWording : IInsightWording
    {
        public string Sentence(Insight insight, ReportMonth month, ReportLocale locale) => $"{insight.Kind} {month} {locale}";
    }

    /// <summary>Words a series verdict as its status and language.</summary>
    private sealed class StatusWording : ISeriesWording
    {
        public string Evidence(SeriesHealth health, TimeZoneInfo? timeZone, ReportLocale locale) => $"{health.Status} {locale}";
    }

    private sealed class Commentary(string? text) : ICommentaryStore
    {
        public Task<string?> GetAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken) => Task.FromResult(text);

        public Task SaveAsync(BrandName brand, ReportMonth month, string text, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class InMemoryRecords(IReadOnlyList<CanonicalPost> posts, Exception? dailyFailure = null) : IRecordStore
    {
        public DateTimeOffset PostsFrom { get; private set; }

        public DateTimeOffset PostsTo { get; private set; }

        public DateOnly? DailyFrom { get; private set; }

        public DateOnly? DailyTo { get; private set; }

        public IAsyncEnumerable<CanonicalPost> QueryPostsAsync(BrandName brand, string? channel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            (PostsFrom, PostsTo) = (from, to);
            return posts.Where(p => p.PublishedAt >= from && p.PublishedAt < to).ToAsyncEnumerable();
        }

        public IAsyncEnumerable<DailyMetric> QueryDailyAsync(BrandName brand, string? channel, string? metric, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
        {
            (DailyFrom, DailyTo) = (from, to);
            return dailyFailure is null ? AsyncEnumerable.Empty<DailyMetric>() : Failing(dailyFailure);
        }

        private static async IAsyncEnumerable<DailyMetric> Failing(Exception failure)
        {
            await Task.Yield();
            foreach (var item in Array.Empty<DailyMetric>())
            {
                yield return item;
            }

            throw failure;
        }

        public IRecordWriter OpenWriter() => throw new NotSupportedException();

        public Task<PostPage> QueryPostPageAsync(BrandName brand, string? channel, DateTimeOffset from, DateTimeOffset to, string? continuation, int pageSize, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task UpdateSeriesAsync(IReadOnlyList<CanonicalPost> posts, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
