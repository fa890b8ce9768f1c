using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest;

/// <summary>Every known export the report does not use is answered by name, with what to export instead.</summary>
public sealed class KnownExportsTests
{
    [Theory]
    [InlineData("tiktok/follower-gender.csv", "tiktok-follower-gender", Channels.TikTok, "TikTok follower demographics (gender) are not used by the report: export Content and Overview")]
    [InlineData("tiktok/follower-top-territories.csv", "tiktok-follower-territories", Channels.TikTok, "TikTok follower demographics (top territories) are not used")]
    [InlineData("tiktok/follower-activity.csv", "tiktok-follower-activity", Channels.TikTok, "TikTok follower activity (active followers by hour) is not used")]
    [InlineData("youtube/viewer-age.csv", "youtube-viewer-age", Channels.YouTube, "YouTube Studio tables by viewer age are not used by the report: export Advanced mode → Content")]
    [InlineData("youtube/idade-do-espectador.csv", "youtube-viewer-age", Channels.YouTube, "tables by viewer age")]
    [InlineData("youtube/traffic-source.csv", "youtube-traffic-source", Channels.YouTube, "tables by traffic source")]
    [InlineData("meta/Audience.csv", "meta-audience", Channels.Facebook, "Meta audience demographics")]
    [InlineData("meta/Top content formats.csv", "meta-top-content-formats", Channels.Facebook, "\"Top content formats\"")]
    [InlineData("facebook/video-assets.csv", "facebook-video-assets", Channels.Facebook, "export Content → Posts")]
    [InlineData("ga4/reports-snapshot.csv", "ga4-reports-snapshot", Channels.Blog, "A Google Analytics 4 Reports snapshot is not used by the report: its tables list only the top rows")]
    [InlineData("linkedin/followers.xls", "linkedin-page-followers", Channels.LinkedIn, "sheet 'New followers': LinkedIn Page followers exports (new followers by day and follower demographics) are not used by the report: export the Page's posts instead")]
    [InlineData("linkedin/visitors.xls", "linkedin-page-visitors", Channels.LinkedIn, "sheet 'Visitor metrics': LinkedIn Page visitors exports (page views by day and visitor demographics) are not used by the report: export the Page's posts instead")]
    [InlineData("x/video_overview_analytics.csv", "x-video-overview", Channels.X, "The X video overview (views, watch time and revenue of videos) is not used by the report: export Overview")]
    [InlineData("ga4/events.csv", "ga4-other-report", Channels.Blog, "A Google Analytics 4 report by 'Event name' is not used by the report: the blog's figures are the views of each page; export Reports → Engagement → Pages and screens")]
    [InlineData("ga4/landing-page.csv", "ga4-other-report", Channels.Blog, "A Google Analytics 4 report by 'Landing page' is not used by the report: it counts the sessions that start on each page, not the page's views; export Reports → Engagement → Pages and screens")]
    public async Task Detect_KnownUnusedExport_NamesItAndWhatToExportInstead(string fixture, string name, string channel, string message)
    {
        var probe = await ExportFixtures.ProbeAsync(fixture);

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal((name, channel), (error.KnownExport?.Name, error.KnownExport?.Channel));
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown export format", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_YouTubeZipEntriesOtherThanTable_NamedWhenAlone()
    {
        var bytes = "Datum,Aufrufe\n2026-09-29,40\n"u8.ToArray();
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes("Gesamtwerte.csv", bytes), TestContext.Current.CancellationToken);

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal("youtube-daily-totals", error.KnownExport?.Name);
    }

    [Fact]
    public async Task Detect_TrulyUnknownFile_StaysUnknownWithHeadersSeen()
    {
        var probe = await ExportFixtures.ProbeAsync("common/unknown-headers.csv");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Null(error.KnownExport);
        Assert.StartsWith("unknown export format; headers seen:", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// YouTube Studio's tables by dimension, in every UI language the catalogue knows: the first column's name alone
    /// says which. Each row catches its own name misspelt in the catalogue.
    /// </summary>
    [Theory]
    [InlineData("Viewer age", "youtube-viewer-age")]
    [InlineData("Idade do espectador", "youtube-viewer-age")]
    [InlineData("Alter der Zuschauer", "youtube-viewer-age")]
    [InlineData("Âge des spectateurs", "youtube-viewer-age")]
    [InlineData("Edad del espectador", "youtube-viewer-age")]
    [InlineData("Età spettatori", "youtube-viewer-age")]
    [InlineData("視聴者の年齢", "youtube-viewer-age")]
    [InlineData("Viewer gender", "youtube-viewer-gender")]
    [InlineData("Gênero do espectador", "youtube-viewer-gender")]
    [InlineData("Geschlecht der Zuschauer", "youtube-viewer-gender")]
    [InlineData("Sexe des spectateurs", "youtube-viewer-gender")]
    [InlineData("Género del espectador", "youtube-viewer-gender")]
    [InlineData("Genere spettatori", "youtube-viewer-gender")]
    [InlineData("視聴者の性別", "youtube-viewer-gender")]
    [InlineData("Geography", "youtube-geography")]
    [InlineData("Cities", "youtube-geography")]
    [InlineData("Geografia", "youtube-geography")]
    [InlineData("Cidades", "youtube-geography")]
    [InlineData("Geografie", "youtube-geography")]
    [InlineData("Städte", "youtube-geography")]
    [InlineData("Géographie", "youtube-geography")]
    [InlineData("Villes", "youtube-geography")]
    [InlineData("Geografía", "youtube-geography")]
    [InlineData("Ciudades", "youtube-geography")]
    [InlineData("Città", "youtube-geography")]
    [InlineData("地域", "youtube-geography")]
    [InlineData("都市", "youtube-geography")]
    [InlineData("Subscription status", "youtube-subscription-status")]
    [InlineData("Status da inscrição", "youtube-subscription-status")]
    [InlineData("Abostatus", "youtube-subscription-status")]
    [InlineData("Statut d'abonnement", "youtube-subscription-status")]
    [InlineData("Estado de la suscripción", "youtube-subscription-status")]
    [InlineData("Stato iscrizione", "youtube-subscription-status")]
    [InlineData("登録状況", "youtube-subscription-status")]
    [InlineData("Traffic source", "youtube-traffic-source")]
    [InlineData("Origem do tráfego", "youtube-traffic-source")]
    [InlineData("Zugriffsquelle", "youtube-traffic-source")]
    [InlineData("Source de trafic", "youtube-traffic-source")]
    [InlineData("Fuente de tráfico", "youtube-traffic-source")]
    [InlineData("Sorgente di traffico", "youtube-traffic-source")]
    [InlineData("トラフィック ソース", "youtube-traffic-source")]
    [InlineData("Device type", "youtube-device-type")]
    [InlineData("Operating system", "youtube-device-type")]
    [InlineData("Tipo de dispositivo", "youtube-device-type")]
    [InlineData("Gerätetyp", "youtube-device-type")]
    [InlineData("Type d'appareil", "youtube-device-type")]
    [InlineData("Tipo di dispositivo", "youtube-device-type")]
    [InlineData("デバイスの種類", "youtube-device-type")]
    public async Task Find_YouTubeTableByDimension_InEachLanguage(string dimension, string name)
    {
        var known = await KnownAsync("Tabelle.csv", $"{dimension},Views,Watch time (hours)\nrow one,12,0.5\n");

        Assert.Equal(name, known?.Name);
        Assert.Equal(Channels.YouTube, known?.Channel);
    }

    [Fact]
    public async Task Find_YouTubeDimensionAlone_IsNotATable()
    {
        // One column is not a table by viewer age: FirstIs wants a metric beside the dimension.
        Assert.Null(await KnownAsync("Tabelle.csv", "Viewer age\nage18-24\n"));
    }

    [Theory]
    [InlineData("Gender,Distribution\nFemale,55%\n", "tiktok-follower-gender")]
    [InlineData("Top territories,Distribution\nDE,40%\n", "tiktok-follower-territories")]
    [InlineData("Date,Hour,Active followers\n2026-09-01,13,120\n", "tiktok-follower-activity")]
    [InlineData("Age,Distribution\n18-24,30%\n", "tiktok-viewer-demographics")]
    [InlineData("Territories,Distribution\nFR,12%\n", "tiktok-viewer-demographics")]
    public async Task Find_TikTokAudienceTables_ByTheirColumns(string csv, string name)
    {
        var known = await KnownAsync("export.csv", csv);

        Assert.Equal(name, known?.Name);
        Assert.Equal(Channels.TikTok, known?.Channel);
    }

    /// <summary>Each TikTok audience table needs both of its columns: one alone is not it.</summary>
    [Theory]
    [InlineData("Gender,Share\nFemale,55%\n")]
    [InlineData("Top territories,Share\nDE,40%\n")]
    [InlineData("Region,Distribution\nDE,40%\n")]
    [InlineData("Date,Active followers\n2026-09-01,120\n")]
    [InlineData("Date,Hour,Followers\n2026-09-01,13,120\n")]
    public async Task Find_TikTokAudienceTableMissingAColumn_IsNotIt(string csv)
    {
        var known = await KnownAsync("export.csv", csv);

        Assert.False(known?.Name.StartsWith("tiktok-", StringComparison.Ordinal) ?? false, known?.Name);
    }

    /// <summary>The whole answer for each entry: the description, "is" or "are", and what to export instead.</summary>
    [Theory]
    [InlineData("Gender,Distribution\nFemale,55%\n", "TikTok follower demographics (gender) are not used by the report: export Content and Overview (and Viewers, Followers → Follower history) from TikTok Studio → Analytics")]
    [InlineData("Top territories,Distribution\nDE,40%\n", "TikTok follower demographics (top territories) are not used by the report: export Content and Overview (and Viewers, Followers → Follower history) from TikTok Studio → Analytics")]
    [InlineData("Date,Hour,Active followers\n2026-09-01,13,120\n", "TikTok follower activity (active followers by hour) is not used by the report: export Content and Overview (and Viewers, Followers → Follower history) from TikTok Studio → Analytics")]
    [InlineData("Age,Distribution\n18-24,30%\n", "TikTok viewer demographics are not used by the report: export Content and Overview (and Viewers, Followers → Follower history) from TikTok Studio → Analytics")]
    [InlineData("Viewer age,Views (%)\nage18-24,20\n", "YouTube Studio tables by viewer age are not used by the report: export Advanced mode → Content (the table by video) from YouTube Studio")]
    [InlineData("Viewer gender,Views (%)\nfemale,20\n", "YouTube Studio tables by viewer gender are not used by the report: export Advanced mode → Content (the table by video) from YouTube Studio")]
    [InlineData("Geography,Views\nDE,20\n", "YouTube Studio tables by geography are not used by the report: export Advanced mode → Content (the table by video) from YouTube Studio")]
    [InlineData("Subscription status,Views\nSubscribed,20\n", "YouTube Studio tables by subscription status are not used by the report: export Advanced mode → Content (the table by video) from YouTube Studio")]
    [InlineData("Traffic source,Views\nBrowse features,20\n", "YouTube Studio tables by traffic source are not used by the report: export Advanced mode → Content (the table by video) from YouTube Studio")]
    [InlineData("Device type,Views\nMobile phone,20\n", "YouTube Studio tables by device are not used by the report: export Advanced mode → Content (the table by video) from YouTube Studio")]
    [InlineData("Date,Views\n2026-09-01,20\n", "YouTube Studio chart and totals files (Chart data.csv, Totals.csv) are not used by the report: export Advanced mode → Content (the table by video) from YouTube Studio — its Table data.csv, or the whole zip")]
    [InlineData("Video asset ID,Publish time,Title\n123,2026-09-01,A video\n", "Facebook video performance exports (one row per video asset) are not used by the report: each video is also a post: export Content → Posts from Meta Business Suite, which the report reads")]
    [InlineData("Age & gender\nAge,Women,Men\n18-24,10%,8%\n", "Meta audience demographics (age & gender, top cities and countries) are not used by the report: export Content → Posts (Meta Business Suite → Insights → Content → Export data), or the daily Overview metrics (Views, Reach, Follows, Visits, Content interactions)")]
    [InlineData("Content type\nReels,Photos,Links\n10,20,30\n", "Meta \"Top content formats\" summaries are not used by the report: export Content → Posts (Meta Business Suite → Insights → Content → Export data), or the daily Overview metrics (Views, Reach, Follows, Visits, Content interactions)")]
    public async Task Find_EachEntry_AnswersWithItsWholeMessage(string csv, string message)
    {
        var known = await KnownAsync("export.csv", csv);

        Assert.Equal(message, known?.Message);
    }

    /// <summary>YouTube's daily files: a date column, then a video (chart data) or one metric (totals) in any language.</summary>
    [Theory]
    [InlineData("Date,Content,Video title,Views\n2026-09-01,abc,A video,20\n")]
    [InlineData("Datum,Inhalt,Videotitel,Aufrufe\n2026-09-01,abc,Ein Video,20\n")]
    [InlineData("Data,Views\n2026-09-01,20\n")]
    [InlineData("Fecha,Visualizaciones\n2026-09-01,20\n")]
    [InlineData("日付,視聴回数\n2026-09-01,20\n")]
    [InlineData("Date,Receita estimada (USD)\n2026-09-01,1.20\n")]
    [InlineData("Date,Subscribers,Views\n2026-09-01,3,20\n")]
    public async Task Find_YouTubeChartOrTotals_InEachLanguage(string csv)
    {
        Assert.Equal("youtube-daily-totals", (await KnownAsync("Totals.csv", csv))?.Name);
    }

    /// <summary>Not YouTube's daily files: four columns without a video, a revenue column that is not a currency, other
    /// platforms' daily columns.</summary>
    [Theory]
    [InlineData("Date,Subscribers,Likes,Views\n2026-09-01,3,4,20\n")]
    [InlineData("Date,Revenue (usd)\n2026-09-01,1.20\n")]
    [InlineData("Date,Revenue (US$)\n2026-09-01,1.20\n")]
    [InlineData("Date,(USD)\n2026-09-01,1.20\n")]
    [InlineData("Date,Views,Impressions\n2026-09-01,20,40\n")]
    [InlineData("Date,Views,Profile Views\n2026-09-01,20,40\n")]
    [InlineData("Date,Views,Primary\n2026-09-01,20,40\n")]
    [InlineData("Date,Views,Video Views\n2026-09-01,20,40\n")]
    [InlineData("Date\n2026-09-01\n")]
    public async Task Find_OtherDailyColumns_AreNotYouTubeTotals(string csv)
    {
        Assert.NotEqual("youtube-daily-totals", (await KnownAsync("Totals.csv", csv))?.Name);
    }

    [Theory]
    [InlineData("Age & gender")]
    [InlineData("Age and gender")]
    [InlineData("Top cities")]
    [InlineData("Top countries")]
    public async Task Find_MetaAudienceBlock_ByItsTitle(string title)
    {
        Assert.Equal("meta-audience", (await KnownAsync("Audience.csv", $"{title}\nName,Share\nLisbon,10%\n"))?.Name);
    }

    /// <summary>The 2023–24 vintage (tab-separated in the real one, here commas): follower counts under Meta's metric keys first.</summary>
    [Theory]
    [InlineData("Facebook followers\nFB_PAGE,FOLLOW,UNIQUE_USERS\n30100\n\nInstagram followers\nIG_ACCOUNT,FOLLOW,UNIQUE_USERS\n3050\n", "meta-audience")]
    [InlineData("Instagram followers\nIG_ACCOUNT,FOLLOW,UNIQUE_USERS\n3050\n", "meta-audience")]
    [InlineData("sep=,\nFacebook followers\nFB_PAGE,FOLLOW,UNIQUE_USERS\n30100\n", "meta-audience")]
    [InlineData("Facebook followers\nFB_PAGE,VIEWS\n30100\n", null)] // another metric key is not the audience
    [InlineData("Facebook followers\nFB_PAGE\n30100\n", null)]
    public async Task Find_MetaAudienceOlderVintage_ByItsFollowerKeys(string csv, string? name)
    {
        Assert.Equal(name, (await KnownAsync("Audience.csv", csv))?.Name);
    }

    [Theory]
    [InlineData("Reels,Photos")]
    [InlineData("Reels,Multi-photo")]
    [InlineData("Links,Reels")]
    public async Task Find_MetaTopFormats_ByReelsBesideAnotherFormat(string formats)
    {
        Assert.Equal("meta-top-content-formats", (await KnownAsync("formats.csv", $"Top content formats\n{formats}\n10,20\n"))?.Name);
    }

    [Theory]
    [InlineData("Top content formats\nReels,Videos\n10,20\n")]
    [InlineData("Top content formats\nStories,Photos\n10,20\n")]
    [InlineData("Reels,Photos\n10,20\n")]
    public async Task Find_NotMetaTopFormats_WithoutReelsAndAnotherFormatOnTheSecondLine(string csv)
    {
        Assert.NotEqual("meta-top-content-formats", (await KnownAsync("formats.csv", csv))?.Name);
    }

    /// <summary>Meta's channel is in the file name only: "instagram" anywhere or an "IG" prefix; Facebook otherwise.</summary>
    [Theory]
    [InlineData("Instagram audience.csv", Channels.Instagram)]
    [InlineData("audience_INSTAGRAM.csv", Channels.Instagram)]
    [InlineData("IG_Audience.csv", Channels.Instagram)]
    [InlineData("ig-audience.csv", Channels.Instagram)]
    [InlineData("Audience-IG.csv", Channels.Facebook)]
    [InlineData("Audience.csv", Channels.Facebook)]
    public async Task Find_MetaAudience_ChannelFromTheFileName(string fileName, string channel)
    {
        Assert.Equal(channel, (await KnownAsync(fileName, "Top cities\nName,Share\nLisbon,10%\n"))?.Channel);
    }

    [Fact]
    public async Task Find_FacebookVideoAssets_NeedsBothColumns()
    {
        Assert.Equal("facebook-video-assets", (await KnownAsync("videos.csv", "Title,Video asset ID,Publish time\nA,1,2026-09-01\n"))?.Name);
        Assert.Null(await KnownAsync("videos.csv", "Title,Video asset ID,Views\nA,1,20\n"));
        Assert.Null(await KnownAsync("videos.csv", "Title,Publish time,Reach\nA,2026-09-01,20\n"));
    }

    [Theory]
    [InlineData("Reports snapshot\nNth day,Active users\n1,20\n", true)]
    [InlineData("# ----------\n# Reports Snapshot\n# ----------\n", true)]
    [InlineData("Nth day,Active users\n0001,20\n", true)]
    [InlineData("# Nth day\nPage,Views\n/a,20\n", false)]
    [InlineData("Page,Views\n/a,20\n", false)]
    public async Task IsGa4ReportsSnapshot_ByItsTitleOrItsNthDayTable(string csv, bool snapshot)
    {
        var probe = await ProbeAsync("snapshot.csv", csv);

        Assert.Equal(snapshot, KnownExports.IsGa4ReportsSnapshot(probe.Csv!));
    }

    /// <summary>In a zip, the first entry the catalogue knows names the file: YouTube's chart and totals without the table.</summary>
    [Fact]
    public async Task Find_ZipOfKnownEntries_NamedByTheFirstKnownEntry()
    {
        var zip = ExportFixtures.Zip(("Notes.csv", "Note\nnothing here\n"), ("Totals.csv", "Date,Views\n2026-09-01,20\n"), ("Viewer age.csv", "Viewer age,Views (%)\nage18-24,20\n"));
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes("Content 2026-09-01_2026-09-30.zip", zip), TestContext.Current.CancellationToken);

        Assert.Equal("youtube-daily-totals", KnownExports.Find(probe)?.Name);
    }

    [Fact]
    public async Task Find_ZipOfUnknownEntries_IsNotKnown()
    {
        var zip = ExportFixtures.Zip(("a.csv", "Alpha,Beta\n1,2\n"), ("b.csv", "Gamma,Delta\n3,4\n"));
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes("export.zip", zip), TestContext.Current.CancellationToken);

        Assert.Null(KnownExports.Find(probe));
    }

    private static async Task<ExportProbe> ProbeAsync(string fileName, string csv) =>
        await ExportProbe.CreateAsync(ExportFile.FromBytes(fileName, Encoding.UTF8.GetBytes(csv)), TestContext.Current.CancellationToken);

    private static async Task<KnownExport?> KnownAsync(string fileName, string csv) => KnownExports.Find(await ProbeAsync(fileName, csv));
}
