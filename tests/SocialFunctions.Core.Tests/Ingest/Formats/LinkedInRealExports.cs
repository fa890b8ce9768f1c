using System.Globalization;
using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// Real LinkedIn exports read like uploads (probe, detection, the app's readers), with what each gave printed: format or
/// the answer's message, rows, rejections, post and daily sums to compare with the file's own columns. Explicit, and
/// skipped unless <c>LINKEDIN_REAL_EXPORTS</c> names a directory outside the repository: real exports hold other people's
/// posts and never enter it (docs/exports.md, "Real exports studied").
/// </summary>
public sealed class LinkedInRealExports(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task RealExports_ReadAsUploads_Printed()
    {
        var root = Environment.GetEnvironmentVariable("LINKEDIN_REAL_EXPORTS");
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
        {
            Assert.Skip("Set LINKEDIN_REAL_EXPORTS to a directory of real LinkedIn exports (outside the repository) to run this.");
        }

        var text = new StringBuilder();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path);
            try
            {
                var read = await ExportFixtures.ReadAsync(ExportFile.FromPath(Path.GetFileName(path), path));
                text.AppendLine(Invariant($"{name}: {read.Format}, {read.PostRows.Count} posts, {read.DailyRows.Count} days, {read.Rejected.Count} rejected"));
                if (read.Posts.Count > 0)
                {
                    text.AppendLine(Invariant($"  posts {read.Posts.Min(p => p.PublishedAt):yyyy-MM-dd}..{read.Posts.Max(p => p.PublishedAt):yyyy-MM-dd}; impressions {read.Posts.Sum(p => p.Impressions ?? 0)}, reactions {read.Posts.Sum(p => p.Reactions ?? 0)}, comments {read.Posts.Sum(p => p.Comments ?? 0)}, shares {read.Posts.Sum(p => p.Shares ?? 0)}, clicks {read.Posts.Sum(p => p.Clicks ?? 0)}, engagements {read.Posts.Sum(p => p.PlatformEngagements ?? 0)}"));
                    foreach (var post in read.Posts.Take(2))
                    {
                        text.AppendLine(Invariant($"  e.g. {post.PostId} {post.PublishedAt:yyyy-MM-dd} impressions {post.Impressions} engagements {post.PlatformEngagements} type {post.ContentType}"));
                    }
                }

                if (read.Daily.Count > 0)
                {
                    text.AppendLine(Invariant($"  days {read.Daily.Min(d => d.Date):yyyy-MM-dd}..{read.Daily.Max(d => d.Date):yyyy-MM-dd}"));
                    foreach (var metric in read.Daily.GroupBy(d => d.Metric).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        text.AppendLine(Invariant($"  {metric.Key}: {metric.Count()} days, sum {metric.Sum(d => d.Value)}"));
                    }
                }

                foreach (var rejected in read.Rejected.Take(5))
                {
                    text.AppendLine(Invariant($"  rejected line {rejected.Line} column {rejected.Column}: {rejected.Message}"));
                }

                foreach (var warning in read.Warnings)
                {
                    text.AppendLine($"  warning: {warning}");
                }
            }
            catch (ExportFormatException ex)
            {
                text.AppendLine($"{name}: refused ({ex.GetType().Name}): {ex.Message}");
            }
        }

        output.WriteLine(text.ToString());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
