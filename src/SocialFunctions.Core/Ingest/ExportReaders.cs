using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// Every supported export format, in one list: the detector tries them all and takes the best match.
/// To add a format, add one line to <see cref="CreateAll"/>. Readers are stateless and shared.
/// </summary>
public static class ExportReaders
{
    /// <summary>The shared, stateless readers.</summary>
    public static IReadOnlyList<IExportReader> All { get; } = CreateAll();

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
        new CanonicalCsvReader(),
        // parsers-b: LinkedIn, TikTok, YouTube, Pinterest, GA4.
        new LinkedInContentReader(),
        new TikTokContentReader(),
        TikTokSeriesReader.Overview,
        TikTokSeriesReader.Viewers,
        TikTokSeriesReader.Followers,
        new YouTubeContentReader(),
        new PinterestOverviewReader(),
        new Ga4PagesReader(),
    ];
}
