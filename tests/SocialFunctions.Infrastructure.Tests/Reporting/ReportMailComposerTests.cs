using SocialFunctions.Core.Reporting;
using SocialFunctions.Infrastructure.Reporting;

namespace SocialFunctions.Infrastructure.Tests.Reporting;

public sealed class ReportMailComposerTests
{
    private static ReportModel Model(string locale = "en", params Insight[] insights) => new()
    {
        Brand = "contoso",
        DisplayName = "Contoso <Europe>",
        Month = "2026-10",
        TimeZone = "Europe/Paris",
        Locale = locale,
        FunnelFocus = "awareness",
        GeneratedAt = new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero),
        Insights = insights,
    };

    [Fact]
    public void HtmlBody_InsightWithMarkup_EncodedAndRanked()
    {
        var html = ReportMailComposer.HtmlBody(
            Model("en", new Insight { Rank = 2, Text = "second" }, new Insight { Rank = 1, Text = "<script>alert('x')</script> & more" }),
            []);

        Assert.Contains("<ol><li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</li><li>second</li></ol>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Contoso &lt;Europe&gt;: social media report for October 2026</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlBody_MissedPeriods_ListedByName()
    {
        var html = ReportMailComposer.HtmlBody(Model(), ["2026-08", "2026-09"]);

        Assert.Contains("<ul><li>August 2026 (2026-08)</li><li>September 2026 (2026-09)</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("No notable changes this month.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_French_LocalisedMonth()
    {
        Assert.Equal("Contoso <Europe> : rapport réseaux sociaux, octobre 2026", ReportMailComposer.Subject(Model("fr")));
        Assert.Equal("Contoso <Europe>: social media report, October 2026", ReportMailComposer.Subject(Model("en")));
    }
}
