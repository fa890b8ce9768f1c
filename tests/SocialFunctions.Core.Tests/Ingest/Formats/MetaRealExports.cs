using System.Globalization;
using System.Text;
using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// Meta Business Suite exports read as uploads (format detection, the app's readers), with the sums to compare with the
/// files' own columns (docs/exports.md, "Real exports studied"). Explicit, and skipped unless <c>META_REAL_EXPORTS</c>
/// names a directory: real exports hold other people's posts and never enter the repository.
/// </summary>
public sealed class MetaRealExports(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task RealExports_ReadAndSummed_Printed()
    {
        var root = Environment.GetEnvironmentVariable("META_REAL_EXPORTS");
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
        {
            Assert.Skip("Set META_REAL_EXPORTS to a directory of real exports (outside the repository) to run this.");
        }

        var text = new StringBuilder();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path);
            ReadResult read;
            try
            {
                read = await ExportFixtures.ReadAsync(ExportFile.FromPath(Path.GetFileName(path), path));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                text.AppendLine(Invariant($"{name}: REFUSED {e.GetType().Name}: {Shorten(e.Message)}"));
                continue;
            }

            // The store keeps a post's last row (a repeated post's last row holds its combined metrics).
            var posts = read.Posts.GroupBy(p => p.PostId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
            var rejected = read.Rejected;
            text.AppendLine(Invariant($"{name}: {read.Format}, {read.Rows.Count} rows, {read.Posts.Count} post rows, {posts.Count} posts, {rejected.Count} rejected"));
            if (posts.Count > 0)
            {
                text.AppendLine(Invariant($"  views {posts.Sum(p => p.Impressions ?? 0)} reach {posts.Sum(p => p.Reach ?? 0)} reactions {posts.Sum(p => p.Reactions ?? 0)} comments {posts.Sum(p => p.Comments ?? 0)} shares {posts.Sum(p => p.Shares ?? 0)} saves {posts.Sum(p => p.Saves ?? 0)} clicks {posts.Sum(p => p.Clicks ?? 0)} engagements {posts.Sum(p => p.PlatformEngagements ?? 0)} 3s-views {posts.Sum(p => p.VideoViews ?? 0)}"));
                text.AppendLine(Invariant($"  published {posts.Min(p => p.PublishedAt):yyyy-MM-dd HH:mm} .. {posts.Max(p => p.PublishedAt):yyyy-MM-dd HH:mm} UTC; types {string.Join(", ", posts.GroupBy(p => p.ContentType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Invariant($"{g.Key} {g.Count()}")))}; with text {posts.Count(p => p.Text is not null)}, with permalink {posts.Count(p => p.Permalink is not null)}"));
            }

            foreach (var rejection in rejected.Take(3))
            {
                text.AppendLine(Invariant($"  rejected line {rejection.Line} column {rejection.Column}: {Shorten(rejection.Message)}"));
            }

            foreach (var warning in read.Warnings)
            {
                text.AppendLine(Invariant($"  warning: {Shorten(warning)}"));
            }
        }

        output.WriteLine(text.ToString());
        var report = Environment.GetEnvironmentVariable("META_REAL_REPORT");
        if (!string.IsNullOrWhiteSpace(report))
        {
            await File.WriteAllTextAsync(report, text.ToString(), TestContext.Current.CancellationToken);
        }
    }

    private static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 400 ? line : string.Concat(line.AsSpan(0, 400), "…");
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
