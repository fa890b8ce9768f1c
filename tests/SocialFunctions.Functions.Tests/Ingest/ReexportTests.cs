using System.Net;
using SocialFunctions.Functions.Tests.Faults;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Ingest;

/// <summary>
/// Two exports of the same posts that each lack something: a real pair of Meta downloads of one page holds the same posts,
/// one with their views and one with 0 views beside a reach (stored as missing). Uploading the second must not erase
/// the views the first stored.
/// </summary>
public sealed class ReexportTests(AzuriteFixture azurite)
{
    private const string Header = "\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Publish time\",Permalink,\"Post type\",\"Data comment\",Date,Views,Reach,Reactions,Comments,Shares\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Export(long firstViews, long secondViews) =>
        Header
        + $"9101,77,Lumen,,Tip Tuesday,10/06/2026 09:30,https://www.facebook.com/lumen/posts/9101,Photos,,Lifetime,{firstViews},22,3,1,0\n"
        + $"9102,77,Lumen,,Roast day,10/08/2026 12:00,https://www.facebook.com/lumen/posts/9102,Photos,,Lifetime,{secondViews},16,5,0,1\n";

    [Fact]
    public async Task Upload_SamePostsWithoutTheirViews_TheViewsStoredBeforeAreKept()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var first = await CanonicalExport.UploadAsync(server.Client, "reexport", Export(38, 28), "Oct-01-2026_Oct-31-2026_1.csv", Ct);
        using var second = await CanonicalExport.UploadAsync(server.Client, "reexport", Export(0, 0), "Oct-01-2026_Oct-31-2026_2.csv", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var warning = Assert.Single((await CanonicalExport.SingleFileAsync(second, Ct)).GetProperty("warnings").EnumerateArray());
        Assert.Contains("0 views but a reach above 0", warning.GetString(), StringComparison.Ordinal);
        var stored = await CanonicalExport.StoredPostsAsync(server.Services, "reexport", Ct);
        Assert.Equal(
            [("9101", 38L, 22L), ("9102", 28L, 16L)],
            stored.OrderBy(p => p.PostId, StringComparer.Ordinal).Select(p => (p.PostId, p.Impressions ?? -1, p.Reach ?? -1)));
    }
}
