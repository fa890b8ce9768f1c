using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// Every supported export format, in one list: the detector tries them all and takes the best match.
/// To add a format, add one line to <see cref="CreateAll"/>. Readers are stateless: the app holds one detector (a
/// singleton), and each call here builds a fresh set.
/// </summary>
public static class ExportReaders
{
    /// <summary>
    /// The readers, built on each call rather than in a static initializer, so that mutation testing reaches their
    /// <c>Format</c> descriptions (docs/testing.md); the app builds them once, through its singleton detector.
    /// </summary>
    public static IReadOnlyList<IExportReader> All => CreateAll();

    public static IReadOnlyList<IExportReader> CreateAll() =>
    [
        // parsers-a: Meta, X and the canonical CSV.
        new FacebookPostsReader(),
        new FacebookLegacyPostsReader(),
        new MetaDailyReader(),
        new InstagramPostsReader(),
        new XTweetActivityReader(),
        new XPremiumContentReader(),
        new XPremiumOverviewReader(),
        new XDailyActivityReader(),
        new CanonicalCsvReader(),
        // parsers-b: LinkedIn, TikTok, YouTube, Pinterest, GA4.
        new LinkedInContentReader(),
        new LinkedInCreatorReader(),
        new TikTokContentReader(),
        TikTokSeriesReader.Overview,
        TikTokSeriesReader.Viewers,
        TikTokSeriesReader.Followers,
        new YouTubeContentReader(),
        new PinterestOverviewReader(),
        new Ga4PagesReader(),
    ];
}
