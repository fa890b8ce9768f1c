using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Reports.Tests.Localization;

public sealed class ReportMailWriterTests
{
    private static ReportModel Model(string locale = "en", params Insight[] insights) => new()
    {
        Brand = BrandName.Parse("contoso"),
        DisplayName = "Contoso <Europe>",
        Month = new ReportMonth(2026, 10),
        Clock = BrandClock.Find("Europe/Paris"),
        Locale = ReportLocale.Parse(locale),
        FunnelFocus = FunnelFocus.Awareness,
        GeneratedAt = new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero),
        Insights = insights,
    };

    [Fact]
    public void HtmlBody_InsightWithMarkup_EncodedAndRanked()
    {
        var html = ReportMailWriter.HtmlBody(
            Model("en", new Insight { Rank = 2, Kind = InsightKind.NoMoves, LocalizedText = "second" }, new Insight { Rank = 1, Kind = InsightKind.NoMoves, LocalizedText = "<script>alert('x')</script> & more" }),
            []);

        Assert.Contains("<ol><li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</li><li>second</li></ol>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Contoso &lt;Europe&gt;: social media report for October 2026</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlBody_MissedPeriods_ListedByName()
    {
        var html = ReportMailWriter.HtmlBody(Model(), [new ReportMonth(2026, 8), new ReportMonth(2026, 9)]);

        Assert.Contains("<ul><li>August 2026 (2026-08)</li><li>September 2026 (2026-09)</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("No notable changes this month.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_French_LocalisedMonth()
    {
        Assert.Equal("Contoso <Europe> : rapport réseaux sociaux, octobre 2026", ReportMailWriter.Subject(Model("fr")));
        Assert.Equal("Contoso <Europe>: social media report, October 2026", ReportMailWriter.Subject(Model("en")));
    }

    [Fact]
    public void ReportMail_FrenchInsightWithoutWords_WordedFromItsData()
    {
        var insight = new Insight { Rank = 1, Kind = InsightKind.NoMoves, Threshold = 0.05 };

        var mail = new ReportMailWriter().ReportMail(Model("fr", insight), []);

        Assert.Contains("<li>" + System.Net.WebUtility.HtmlEncode("Aucun réseau n'a varié de 5 % ou plus par rapport à septembre.") + "</li>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("contoso-2026-10.pdf", mail.AttachmentName);
    }
}
