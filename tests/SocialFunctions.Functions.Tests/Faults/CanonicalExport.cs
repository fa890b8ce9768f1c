using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Functions.Tests.Faults;

/// <summary>
/// Canonical CSV exports built for fault tests (posts spread over a month's 32 buckets so an upload is many batches), and
/// what the store must hold afterwards: one post per id with the values of the file's last row for it.
/// </summary>
internal static class CanonicalExport
{
    public static readonly DateTimeOffset Month = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="posts">Distinct post ids p0…p{n-1}.</param>
    /// <param name="impressions">The impressions of post i in this export.</param>
    /// <param name="exportedAt">The file's <c>exportedAt</c> column (null: none, the upload time counts).</param>
    /// <param name="repeatEvery">List every such post a second time at the end with impressions + 1 (the later row wins).</param>
    public static string Csv(int posts, Func<int, long> impressions, DateTimeOffset? exportedAt = null, int repeatEvery = 0)
    {
        var csv = new StringBuilder("channel,postId,publishedAt,text,contentType,impressions,reach" + (exportedAt is null ? "" : ",exportedAt") + "\n");
        void Row(int i, long value) => csv.Append(CultureInfo.InvariantCulture,
            $"reddit,p{i},{Month.AddMinutes(i * 7):yyyy-MM-ddTHH:mm:ssZ},post {i},text,{value},{value / 2}{(exportedAt is { } at ? "," + at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "")}\n");
        for (var i = 0; i < posts; i++)
        {
            Row(i, impressions(i));
        }

        for (var i = 0; repeatEvery > 0 && i < posts; i += repeatEvery)
        {
            Row(i, impressions(i) + 1);
        }

        return csv.ToString();
    }

    /// <summary>What the store must hold after <see cref="Csv"/>: post id → impressions.</summary>
    public static Dictionary<string, long> Expected(int posts, Func<int, long> impressions, int repeatEvery = 0) =>
        Enumerable.Range(0, posts).ToDictionary(i => $"p{i}", i => impressions(i) + (repeatEvery > 0 && i % repeatEvery == 0 ? 1 : 0));

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string brand, string csv, string fileName, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync($"api/brands/{brand}/exports?filename={Uri.EscapeDataString(fileName)}", content, cancellationToken);
    }

    /// <summary>Every stored post of the brand in the month (straight from the table, no API in between).</summary>
    public static async Task<List<CanonicalPost>> StoredPostsAsync(IServiceProvider services, string brand, CancellationToken cancellationToken)
    {
        var posts = new List<CanonicalPost>();
        await foreach (var post in services.GetRequiredService<IRecordStore>().QueryPostsAsync(BrandName.Parse(brand), null, Month, Month.AddMonths(1), cancellationToken))
        {
            posts.Add(post);
        }

        return posts;
    }

    public static async Task<JsonElement> SingleFileAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(text);
        return Assert.Single(document.RootElement.GetProperty("files").EnumerateArray().Select(e => e.Clone()).ToList());
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }
}
