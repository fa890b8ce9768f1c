using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

public class ReportModelSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BuildAsync_StoredData_QueriesHistoryWindowInBrandZone()
    {
        var records = new InMemoryRecords([Post(Channels.Blog, "b1", "2026-10-05T10:00:00Z", 100, 5)]);
        var source = Source(new BrandSettings { Brand = "acme", TimeZone = "Europe/Paris" }, records, [Upload(Channels.Blog, "2026-10-01", "2026-10-31")], "notes");

        var model = await source.BuildAsync("acme", "2026-10", Ct);

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

        var model = await source.BuildAsync("acme", "2026-10", Ct);

        Assert.Equal(("acme", "UTC", "en"), (model.DisplayName, model.TimeZone, model.Locale));
    }

    [Fact]
    public async Task BuildAsync_NoSettingsNoUploads_UnknownBrand()
    {
        var source = Source(null, new InMemoryRecords([]), [], null);

        await Assert.ThrowsAsync<UnknownBrandException>(() => source.BuildAsync("acme", "2026-10", Ct));
    }

    [Theory]
    [InlineData("acme", "2026-1")]
    [InlineData("ACME", "2026-10")]
    public async Task BuildAsync_MalformedInput_ArgumentException(string brand, string month)
    {
        var source = Source(null, new InMemoryRecords([]), [], null);

        await Assert.ThrowsAsync<ArgumentException>(() => source.BuildAsync(brand, month, Ct));
    }

    private static ReportModelSource Source(BrandSettings? settings, InMemoryRecords records, IReadOnlyList<UploadRecord> uploads, string? commentary) =>
        new(new OneBrand(settings), records, new Uploads(uploads), new Commentary(commentary), new TrendReportBuilder(new FakeTimeProvider()));

    private sealed class OneBrand(BrandSettings? settings) : IBrandSettingsStore
    {
        public Task<BrandSettings?> GetAsync(string brand, CancellationToken cancellationToken) => Task.FromResult(settings);

        public Task SaveAsync(BrandSettings settings, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<BrandSettings> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class Uploads(IReadOnlyList<UploadRecord> records) : IUploadLog
    {
        public Task<UploadRecord?> GetAsync(string brand, string uploadId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveAsync(UploadRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<UploadRecord> ListAsync(string brand, CancellationToken cancellationToken) => records.ToAsyncEnumerable();
    }

    private sealed class Commentary(string? text) : ICommentaryStore
    {
        public Task<string?> GetAsync(string brand, string month, CancellationToken cancellationToken) => Task.FromResult(text);

        public Task SaveAsync(string brand, string month, string text, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class InMemoryRecords(IReadOnlyList<CanonicalPost> posts) : IRecordStore
    {
        public DateTimeOffset PostsFrom { get; private set; }

        public DateTimeOffset PostsTo { get; private set; }

        public DateOnly? DailyFrom { get; private set; }

        public DateOnly? DailyTo { get; private set; }

        public IAsyncEnumerable<CanonicalPost> QueryPostsAsync(string brand, string? channel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            (PostsFrom, PostsTo) = (from, to);
            return posts.Where(p => p.PublishedAt >= from && p.PublishedAt < to).ToAsyncEnumerable();
        }

        public IAsyncEnumerable<DailyMetric> QueryDailyAsync(string brand, string? channel, string? metric, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
        {
            (DailyFrom, DailyTo) = (from, to);
            return AsyncEnumerable.Empty<DailyMetric>();
        }

        public IRecordWriter OpenWriter() => throw new NotSupportedException();

        public Task<PostPage> QueryPostPageAsync(string brand, string? channel, DateTimeOffset from, DateTimeOffset to, string? continuation, int pageSize, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task UpdateSeriesAsync(IReadOnlyList<CanonicalPost> posts, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
