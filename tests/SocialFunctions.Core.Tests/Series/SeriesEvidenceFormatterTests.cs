using System.Globalization;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

public sealed class SeriesEvidenceFormatterTests
{
    private static readonly DateTimeOffset Onset = new(2026, 9, 12, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Describe_WeakSeries_SaysGapPostsOnsetAndHowManyBelowTheMedian()
    {
        var text = SeriesEvidenceFormatter.Describe(Health(-0.41, posts: 9, below: 7));

        Assert.Equal("−41 % over 9 posts since 12 Sep; 7 of the 9 below the channel's median for reels", text);
    }

    [Fact]
    public void Describe_AllTypesBasisAndPositiveGap_SaysSo()
    {
        var text = SeriesEvidenceFormatter.Describe(Health(0.084, posts: 12, below: 4) with { BaselineBasis = SeriesBaselineBasis.AllTypes, BaselineContentType = null });

        Assert.Equal("+8 % over 12 posts since 12 Sep; 4 of the 12 below the channel's median (all post types)", text);
    }

    [Fact]
    public void Describe_OnsetInAnEarlierYear_NamesTheYear()
    {
        var health = Health(-0.5, posts: 3, below: 3) with { OnsetAt = new DateTimeOffset(2025, 12, 29, 10, 0, 0, TimeSpan.Zero) };

        Assert.StartsWith("−50 % over 3 posts since 29 Dec 2025;", SeriesEvidenceFormatter.Describe(health), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_BrandTimeZone_DatesTheOnsetThere()
    {
        var health = Health(-0.5, posts: 3, below: 3) with { OnsetAt = new DateTimeOffset(2026, 9, 12, 23, 30, 0, TimeSpan.Zero) };
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Contains("since 12 Sep;", SeriesEvidenceFormatter.Describe(health), StringComparison.Ordinal);
        Assert.Contains("since 13 Sep;", SeriesEvidenceFormatter.Describe(health, paris), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ServerCultureFrench_StillInvariantEnglish()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");

            Assert.Equal("−41 % over 9 posts since 12 Sep; 7 of the 9 below the channel's median for reels", SeriesEvidenceFormatter.Describe(Health(-0.41, posts: 9, below: 7)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Describe_InsufficientData_SaysWhatIsMissing()
    {
        var few = new SeriesHealth { Brand = "acme", Channel = "instagram", Series = "Tips", Status = SeriesStatus.InsufficientData, Posts = 2, BaselinePosts = 45 };
        var silent = few with { Posts = 0 };

        Assert.Equal("Too few posts to judge: 2 of the series and 45 other posts of the channel in the window", SeriesEvidenceFormatter.Describe(few));
        Assert.Equal("No recent post to judge", SeriesEvidenceFormatter.Describe(silent));
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
