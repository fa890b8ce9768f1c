using System.Runtime.CompilerServices;
using SocialFunctions.Reports.Glossary;

namespace SocialFunctions.Reports.Tests.Glossary;

public sealed class MetricGlossaryTests
{
    [Fact]
    public void ReadEmbedded_SharedSpecPresent_EqualsTheSpec()
    {
        var spec = FindSharedSpec();
        Assert.SkipWhen(spec is null, "../shared/spec/metrics.md is not next to this checkout.");

        Assert.Equal(File.ReadAllText(spec!).ReplaceLineEndings("\n"), MetricGlossary.ReadEmbedded().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Topics_EmbeddedSpec_ParsesTablesAndBulletsIntoTerms()
    {
        var topics = MetricGlossary.Topics;

        Assert.Equal(["The canonical post record", "Derived metrics", "Series", "Funnel focus"], topics.Select(topic => topic.Title));
        var record = topics[0].Entries;
        Assert.Equal(18, record.Count);
        Assert.Equal(new GlossaryEntry("impressions", "times the post was shown (YouTube: impressions; blog: page views)"), record.Single(e => e.Term == "impressions"));
        var derived = topics[1].Entries;
        Assert.Equal("of a set of posts = Σ engagements / Σ impressions over the posts that have both. Never an average of per-post rates.", derived.Single(e => e.Term == "Engagement rate (ER)").Definition);
        Assert.Equal(new GlossaryEntry("conversion", "clicks, CTR, (conversions where an export provides them)"), topics[3].Entries.Single(e => e.Term == "conversion"));
        Assert.Equal(2, topics[2].Paragraphs.Count);
    }

    [Fact]
    public void Parse_BulletWithoutBoldTerm_KeepsTheTextWithAnEmptyTerm()
    {
        var topics = MetricGlossary.Parse("# T\n\n## Notes\n\n- plain `code` bullet\n  continued\n");

        Assert.Equal(new GlossaryEntry(string.Empty, "plain code bullet continued"), Assert.Single(Assert.Single(topics).Entries));
    }

    /// <summary>Walks up from this source file (build output may live outside the checkout) to the repo root.</summary>
    private static string? FindSharedSpec([CallerFilePath] string sourceFile = "")
    {
        for (var directory = new FileInfo(sourceFile).Directory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialFunctions.sln")))
            {
                var spec = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "spec", "metrics.md"));
                return File.Exists(spec) ? spec : null;
            }
        }

        return null;
    }
}
