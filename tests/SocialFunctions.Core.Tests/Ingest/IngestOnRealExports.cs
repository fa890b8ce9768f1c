using System.Globalization;
using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest;

/// <summary>
/// Reads every file under <c>INGEST_REAL_EXPORTS</c> as an upload would be read (probe, detection, the app's reader) and
/// prints per file the format, rows, rejections, warnings and the sums of what was read, to set beside the file's own
/// columns and totals (docs/exports.md, "Real exports studied"). Explicit, and skipped unless the variable names a
/// directory: real exports hold other people's posts and never enter the repository. <c>INGEST_REAL_REPORT</c>, when set,
/// also receives the text.
/// </summary>
public sealed class IngestOnRealExports(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task RealExports_ReadAndSummed_Printed()
    {
        var root = Environment.GetEnvironmentVariable("INGEST_REAL_EXPORTS");
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
        {
            Assert.Skip("Set INGEST_REAL_EXPORTS to a directory of real exports (outside the repository) to run this.");
        }

        var text = new StringBuilder();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var name = Path.GetRelativePath(root, path);
            try
            {
                var read = await ExportFixtures.ReadAsync(ExportFile.FromPath(Path.GetFileName(path), path));
                text.AppendLine(Invariant($"- `{name}`: {read.Format}, {read.Rows.Count} rows: {read.PostRows.Count} posts, {read.DailyRows.Count} days, {read.Rejected.Count} rejected"));
                foreach (var rejected in read.Rejected.Take(3))
                {
                    text.AppendLine(Invariant($"    rejected line {rejected.Line} column {rejected.Column}: {rejected.Message}"));
                }

                foreach (var warning in read.Warnings)
                {
                    text.AppendLine(Invariant($"    warning: {warning}"));
                }

                if (read.Posts.Count > 0)
                {
                    // What the store keeps: a post's last row (Meta's repeated posts carry their combined metrics there).
                    var posts = read.Posts.GroupBy(p => (p.PostId, p.RangeFrom, p.RangeTo)).Select(g => g.Last()).ToList();
                    text.AppendLine(Invariant($"    posts {posts.Min(p => p.PublishedAt):yyyy-MM-dd}..{posts.Max(p => p.PublishedAt):yyyy-MM-dd}, range {posts[0].RangeFrom}..{posts[0].RangeTo}, {posts.Count} distinct of {read.Posts.Count} post rows"));
                    text.AppendLine(Invariant($"    types {string.Join(", ", posts.GroupBy(p => p.ContentType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Invariant($"{g.Key} {g.Count()}")))}; with text {posts.Count(p => p.Text is not null)}, with permalink {posts.Count(p => p.Permalink is not null)}"));
                    text.AppendLine(Invariant($"    sums: impressions {Sum(posts, p => p.Impressions)}, reach {Sum(posts, p => p.Reach)}, reactions {Sum(posts, p => p.Reactions)}, comments {Sum(posts, p => p.Comments)}, shares {Sum(posts, p => p.Shares)}, saves {Sum(posts, p => p.Saves)}, clicks {Sum(posts, p => p.Clicks)}, video views {Sum(posts, p => p.VideoViews)}, engagements {Sum(posts, p => p.PlatformEngagements)}"));
                }

                foreach (var metric in read.Daily.GroupBy(d => (d.Channel, d.Metric)).OrderBy(g => g.Key))
                {
                    text.AppendLine(Invariant($"    daily {metric.Key.Channel}/{metric.Key.Metric}: {metric.Count()} days {metric.Min(d => d.Date):yyyy-MM-dd}..{metric.Max(d => d.Date):yyyy-MM-dd}, sum {metric.Sum(d => d.Value)}"));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                text.AppendLine(Invariant($"- `{name}`: refused, {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));
            }
        }

        output.WriteLine(text.ToString());
        if (Environment.GetEnvironmentVariable("INGEST_REAL_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, text.ToString(), TestContext.Current.CancellationToken);
        }
    }

    private static string Sum(IEnumerable<CanonicalPost> posts, Func<CanonicalPost, long?> value)
    {
        var values = posts.Select(value).Where(v => v is not null).ToList();
        return values.Count == 0 ? "-" : values.Sum(v => v!.Value).ToString(CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
