using System.Globalization;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Series;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Reports.Tests.Localization;

/// <summary>The detector's evidence sentence (moved from Core/Series, where it was English only), in English and French.</summary>
public sealed class SeriesWordsTests
{
    private static readonly DateTimeOffset Onset = new(2026, 9, 12, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReportLocale En = ReportLocale.English;
    private static readonly ReportLocale Fr = ReportLocale.French;

    [Fact]
    public void Evidence_WeakSeries_SaysGapPostsOnsetAndHowManyBelowTheMedian()
    {
        Assert.Equal("−41 % over 9 posts since 12 Sep; 7 of the 9 below the channel's median for reels", SeriesWords.Evidence(Health(-0.41, posts: 9, below: 7), En));
    }

    [Fact]
    public void Evidence_French_SaysTheSameInFrench()
    {
        Assert.Equal("−41 % sur 9 publications depuis le 12 sept. ; 7 sur 9 sous la médiane du réseau pour les reels", SeriesWords.Evidence(Health(-0.41, posts: 9, below: 7), Fr));
    }

    [Fact]
    public void Evidence_AllTypesBasisAndPositiveGap_SaysSo()
    {
        var health = Health(0.084, posts: 12, below: 4) with { BaselineBasis = SeriesBaselineBasis.AllTypes, BaselineContentType = null };

        Assert.Equal("+8 % over 12 posts since 12 Sep; 4 of the 12 below the channel's median (all post types)", SeriesWords.Evidence(health, En));
        Assert.EndsWith("sous la médiane du réseau (tous types de publication)", SeriesWords.Evidence(health, Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_OnsetInAnEarlierYear_NamesTheYear()
    {
        var health = Health(-0.5, posts: 3, below: 3) with { OnsetAt = new DateTimeOffset(2025, 12, 29, 10, 0, 0, TimeSpan.Zero) };

        Assert.StartsWith("−50 % over 3 posts since 29 Dec 2025;", SeriesWords.Evidence(health, En), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_BrandTimeZone_DatesTheOnsetThere()
    {
        var health = Health(-0.5, posts: 3, below: 3) with { OnsetAt = new DateTimeOffset(2026, 9, 12, 23, 30, 0, TimeSpan.Zero) };
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Contains("since 12 Sep;", SeriesWords.Evidence(health, En), StringComparison.Ordinal);
        Assert.Contains("since 13 Sep;", SeriesWords.Evidence(health, En, paris), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_ServerCultureFrench_EnglishStaysEnglish()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");

            Assert.Equal("−41 % over 9 posts since 12 Sep; 7 of the 9 below the channel's median for reels", SeriesWords.Evidence(Health(-0.41, posts: 9, below: 7), En));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Evidence_InsufficientData_SaysWhatIsMissing()
    {
        var few = new SeriesHealth { Brand = "acme", Channel = "instagram", Series = "Tips", Status = SeriesStatus.InsufficientData, Posts = 2, BaselinePosts = 45 };
        var silent = few with { Posts = 0 };

        Assert.Equal("Too few posts to judge: 2 of the series and 45 other posts of the channel in the window", SeriesWords.Evidence(few, En));
        Assert.Equal("No recent post to judge", SeriesWords.Evidence(silent, En));
        Assert.Equal("Aucune publication récente à juger", SeriesWords.Evidence(silent, Fr));
    }

    [Fact]
    public void Status_AtRisk_HasWordsInBothLanguages()
    {
        Assert.Equal(("At risk", "À risque"), (SeriesWords.Status(SeriesStatus.AtRisk, En), SeriesWords.Status(SeriesStatus.AtRisk, Fr)));
    }

    private static SeriesHealth Health(double gap, int posts, int below) => new()
    {
        Brand = "acme",
        Channel = "instagram",
        Series = "Latte Art Friday",
        Status = SeriesStatus.Underperforming,
        RelativeGap = gap,
        Posts = posts,
        PostsBelowMedian = below,
        OnsetAt = Onset,
        BaselineBasis = SeriesBaselineBasis.ContentType,
        BaselineContentType = "reel",
        RecentPosts = [new SeriesPostPoint("p", Onset.AddDays(30), 1000, 10, 0.01, null, null)],
    };
}
