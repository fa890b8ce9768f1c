using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Ingest;

/// <summary>One Functions app on the local server for every round trip, on a fake clock (uploads read year-less dates from it).</summary>
public sealed class RoundTripServer(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>The upload instant of every round trip (and of the in-process read it is compared with).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    public FunctionsServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Server = await FunctionsServer.StartAsync(azurite, new FakeTimeProvider(Now), cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Every export format and kind — posts, range aggregates, daily series; CSV, .xls, .xlsx (LinkedIn's, and CSV exports
/// downloaded or re-saved as a workbook) and zip — uploaded through
/// HTTP to the local server, stored in Azurite and read back through the read API (<c>GET …/posts</c>, <c>GET …/daily</c>).
/// The expected records are what the format's reader yields for the same file, read in this process (the readers have
/// their own tests): so any loss between the reader and the read API — a field the table mapping drops, a kind the
/// store does not write, a query that reads back nothing — fails here, with exact counts and sums.
/// </summary>
public sealed class ExportRoundTripTests(RoundTripServer fixture) : IClassFixture<RoundTripServer>
{
    private const string Zone = "Europe/Paris";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string?> Exports => new()
    {
        // file under tests/TestData, expected format, hints the user would add to the URL
        { "canonical/reddit-posts.csv", "canonical", null },
        { "facebook/posts.csv", "facebook-posts", null },
        { "facebook/legacy-post-level.csv", "facebook-legacy-post-level", null },
        { "instagram/posts.csv", "instagram-posts", null },
        { "meta/instagram-reach-daily.csv", "meta-daily", null },
        { "meta/facebook-follows-daily.csv", "meta-daily", null },
        { "meta/Views.csv", "meta-daily", "channel=instagram" },
        { "x/tweet-activity-en.csv", "x-tweet-activity", null },
        { "x/premium-content.csv", "x-premium-content", null },
        { "x/premium-overview.csv", "x-premium-overview", null },
        { "x/daily_tweet_activity_metrics_lumencoffee_20261001_20261006_en.csv", "x-daily-activity", null },
        { "linkedin/content.xls", "linkedin-content", null },
        { "linkedin/content-resaved.xlsx", "linkedin-content", null },
        { "linkedin/updates-2020.xls", "linkedin-content", null },
        { "linkedin/Content_2026-10-01_2026-10-07_Camille Roux.xlsx", "linkedin-creator", null },
        { "tiktok/content.csv", "tiktok-content", null },
        { "tiktok/TikTok_Studio_2026-11-02.zip", "tiktok-content", null },
        { "tiktok/TikTok_Overview_2026-10-01_2026-10-03.zip", "tiktok-overview", null },
        { "tiktok/overview-365-days.csv", "tiktok-overview", "exportedOn=2026-11-02" },
        { "tiktok/overview-365-days.xlsx", "tiktok-overview", "exportedOn=2026-11-02" },
        { "tiktok/viewers.csv", "tiktok-viewers", "exportedOn=2026-11-02" },
        { "tiktok/follower-history.csv", "tiktok-follower-history", "exportedOn=2026-11-02" },
        { "youtube/Table data.csv", "youtube-content", null },
        { "youtube/Table data.xlsx", "youtube-content", null },
        { "youtube/Content 2026-09-01_2026-10-31 Lumen Coffee.zip", "youtube-content", null },
        { "pinterest/analytics-overview.csv", "pinterest-overview", null },
        { "ga4/pages.csv", "ga4-pages", null },
        { "ga4/pages-repeated-path.csv", "ga4-pages", null },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Upload_ThenReadApi_ReturnsExactlyTheRecordsTheReaderYields(string path, string format, string? hints)
    {
        var server = fixture.Server;
        var brand = BrandFor(path);
        var bytes = await File.ReadAllBytesAsync(RepositoryPaths.TestData(path.Split('/')), Ct);
        var fileName = Path.GetFileName(path);
        using (var put = await server.Client.PutAsJsonAsync($"api/brands/{brand}", new { timeZone = Zone }, Ct))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        var expected = await ReadInProcessAsync(brand, fileName, bytes, hints);

        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await server.Client.PostAsync(
            $"api/brands/{brand}/exports?filename={Uri.EscapeDataString(fileName)}" + (hints is null ? string.Empty : "&" + hints), content, Ct);
        var answer = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("files").EnumerateArray().ToList());
        var posts = await ReadPostsAsync(brand);
        var daily = await ReadDailyAsync(brand);

        // The file is one of the kinds the pipeline stores, with something in it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format, answer.GetProperty("format").GetString());
        Assert.Equal(format, expected.Format);
        Assert.True(expected.Posts.Count + expected.Daily.Count > 0, $"{path}: the reader yields nothing, so the round trip would prove nothing");
        Assert.Equal(expected.Kind.ToString().ToLowerInvariant(), answer.GetProperty("kind").GetString());

        // The answer counts the file's rows and the records written from them.
        Assert.Equal(expected.RowsAccepted, answer.GetProperty("rowsAccepted").GetInt32());
        Assert.Equal(expected.RowsRejected, answer.GetProperty("rowsRejected").GetInt32());
        Assert.Equal(expected.Entities, answer.GetProperty("entitiesStored").GetInt32());

        // Posts and range aggregates: every record, every field, once.
        Assert.Equal(expected.Posts.Count, posts.Count);
        Assert.Equal(Sum(expected.Posts, p => p.Impressions), Sum(posts, p => p.Impressions));
        Assert.Equal(Sum(expected.Posts, p => p.Reactions), Sum(posts, p => p.Reactions));
        Assert.Equal(Sum(expected.Posts, p => p.VideoViews), Sum(posts, p => p.VideoViews));
        Assert.Equal(Order(expected.Posts), Order(posts));

        // Daily series: every value of every metric and day.
        Assert.Equal(expected.Daily.Count, daily.Count);
        Assert.Equal(expected.Daily.Sum(d => d.Value), daily.Sum(d => d.Value));
        Assert.Equal(OrderDaily(expected.Daily), OrderDaily(daily));

        // And the file itself, as it arrived (zip and workbook bytes included).
        var raw = await server.Services.GetRequiredService<StorageClients>().ContainerAsync(StorageDefaults.RawExportsContainer, Ct);
        Assert.Equal(bytes, (await raw.GetBlobClient($"{brand}/{answer.GetProperty("uploadId").GetString()}").DownloadContentAsync(Ct)).Value.Content.ToArray());
    }

    private static long Sum(IEnumerable<CanonicalPost> posts, Func<CanonicalPost, long?> metric) => posts.Sum(p => metric(p) ?? 0);

    private static List<CanonicalPost> Order(IEnumerable<CanonicalPost> posts) =>
        [.. posts.OrderBy(p => p.Channel, StringComparer.Ordinal).ThenBy(p => p.PostId, StringComparer.Ordinal).ThenBy(p => p.RangeFrom).ThenBy(p => p.RangeTo)];

    private static List<DailyMetric> OrderDaily(IEnumerable<DailyMetric> values) =>
        [.. values.OrderBy(v => v.Channel, StringComparer.Ordinal).ThenBy(v => v.Metric, StringComparer.Ordinal).ThenBy(v => v.Date)];

    /// <summary>A brand of its own per file, so the cases share one server and never see each other's records.</summary>
    private static string BrandFor(string path) =>
        "rt-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)))[..12];

    /// <summary>
    /// What the upload should store: the reader's rows for the same bytes, context and hints; a record listed twice in
    /// a file is stored once, with its later values.
    /// </summary>
    private static async Task<Expected> ReadInProcessAsync(string brand, string fileName, byte[] bytes, string? hints)
    {
        var query = System.Web.HttpUtility.ParseQueryString(hints ?? string.Empty);
        var context = new ExportContext(brand, TimeZoneInfo.FindSystemTimeZoneById(Zone), RoundTripServer.Now, Convert.ToHexStringLower(SHA256.HashData(bytes)))
        {
            ExportedOn = query["exportedOn"] is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            ChannelHint = query["channel"],
        };
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes(fileName, bytes), Ct);
        var reader = ExportFormatDetector.Default.Detect(probe);
        var posts = new Dictionary<(string, string, DateOnly?, DateOnly?), CanonicalPost>();
        var daily = new Dictionary<(string, string, DateOnly), DailyMetric>();
        int accepted = 0, rejected = 0, entities = 0;
        await foreach (var row in reader.ReadAsync(probe, context, Ct))
        {
            switch (row)
            {
                case PostRow post:
                    accepted++;
                    entities++;
                    posts[(post.Post.Channel, post.Post.PostId, post.Post.RangeFrom, post.Post.RangeTo)] = post.Post;
                    break;
                case DailyRow dayRow:
                    accepted++;
                    foreach (var value in dayRow.Values)
                    {
                        entities++;
                        daily[(value.Channel, value.Metric, value.Date)] = value;
                    }

                    break;
                case RejectedRow:
                    rejected++;
                    break;
            }
        }

        return new Expected(reader.Format.Name, reader.Format.Kind, [.. posts.Values], [.. daily.Values], accepted, rejected, entities);
    }

    private async Task<List<CanonicalPost>> ReadPostsAsync(string brand)
    {
        var posts = new List<CanonicalPost>();
        string? next = null;
        do
        {
            var url = $"api/brands/{brand}/posts?pageSize=100" + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next));
            using var response = await fixture.Server.Client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<PostPage>(Json, Ct))!;
            posts.AddRange(page.Posts);
            next = page.Next;
        }
        while (next is not null);

        return posts;
    }

    private async Task<List<DailyMetric>> ReadDailyAsync(string brand)
    {
        using var response = await fixture.Server.Client.GetAsync($"api/brands/{brand}/daily", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<DailyPage>(Json, Ct))!.Values];
    }

    private sealed record PostPage(List<CanonicalPost> Posts, string? Next);

    private sealed record DailyPage(List<DailyMetric> Values);

    private sealed record Expected(
        string Format, ExportKind Kind, IReadOnlyList<CanonicalPost> Posts, IReadOnlyList<DailyMetric> Daily, int RowsAccepted, int RowsRejected, int Entities);
}
