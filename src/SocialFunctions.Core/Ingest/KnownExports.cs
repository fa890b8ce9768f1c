using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// An export the platforms offer that the report does not use (audience demographics, per-dimension tables, dashboard
/// snapshots). Recognising it lets the upload answer say what it is and what to download instead, rather than
/// "unknown export format".
/// </summary>
/// <param name="Name">Stable id, e.g. <c>tiktok-follower-gender</c>.</param>
/// <param name="Channel">The platform's channel.</param>
/// <param name="Description">What it is, as a sentence subject: "TikTok follower demographics (gender)".</param>
/// <param name="Instead">What to export instead.</param>
/// <param name="Plural">Whether <paramref name="Description"/> takes "are" ("demographics are") or "is".</param>
public sealed record KnownExport(string Name, string Channel, string Description, string Instead, bool Plural = true)
{
    /// <summary>The answer's message: "TikTok follower demographics (gender) are not used by the report: export …".</summary>
    public string Message => $"{Description} {(Plural ? "are" : "is")} not used by the report: {Instead}";
}

/// <summary>
/// The catalog of known exports the report does not use, each recognised from content (header, preamble or zip entries)
/// the way readers are; consulted when no reader takes a file. Seen in real exports published in public repositories
/// (docs/exports.md lists them).
/// </summary>
public static class KnownExports
{
    private const string TikTokInstead = "export Content and Overview (and Viewers, Followers → Follower history) from TikTok Studio → Analytics";
    private const string YouTubeInstead = "export Advanced mode → Content (the table by video) from YouTube Studio";
    private const string LinkedInInstead = "export the Page's posts instead (Page admin view → Analytics → Content → Export: the workbook with the sheets 'Metrics' and 'All posts'), which the report reads";
    private const string MetaInstead = "export Content → Posts (Meta Business Suite → Insights → Content → Export data), or the daily Overview metrics (Views, Reach, Follows, Visits, Content interactions)";

    // Built per call (only files no reader takes get here), not in a static initializer, so that mutation testing can
    // reach it: Stryker's test process runs static initializers once, before any mutant is active (docs/testing.md).
    private static (KnownExport Export, Func<TableHeader, bool> Header)[] Tables =>
    [
        (new("tiktok-follower-gender", Channels.TikTok, "TikTok follower demographics (gender)", TikTokInstead), h => h.Has("Gender") && h.Has("Distribution")),
        (new("tiktok-follower-territories", Channels.TikTok, "TikTok follower demographics (top territories)", TikTokInstead), h => h.Has("Top territories") && h.Has("Distribution")),
        (new("tiktok-follower-activity", Channels.TikTok, "TikTok follower activity (active followers by hour)", TikTokInstead, Plural: false), h => h.Has("Active followers") && h.Has("Hour")),
        (new("tiktok-viewer-demographics", Channels.TikTok, "TikTok viewer demographics", TikTokInstead), h => h.Has("Distribution") && h.Has("Age", "Gender", "Territories", "Top territories")),
        (new("youtube-viewer-age", Channels.YouTube, "YouTube Studio tables by viewer age", YouTubeInstead), h => FirstIs(h, "Viewer age", "Idade do espectador", "Alter der Zuschauer", "Âge des spectateurs", "Edad del espectador", "Età spettatori", "視聴者の年齢")),
        (new("youtube-viewer-gender", Channels.YouTube, "YouTube Studio tables by viewer gender", YouTubeInstead), h => FirstIs(h, "Viewer gender", "Gênero do espectador", "Geschlecht der Zuschauer", "Sexe des spectateurs", "Género del espectador", "Genere spettatori", "視聴者の性別")),
        (new("youtube-geography", Channels.YouTube, "YouTube Studio tables by geography", YouTubeInstead), h => FirstIs(h, "Geography", "Cities", "Geografia", "Cidades", "Geografie", "Städte", "Géographie", "Villes", "Geografía", "Ciudades", "Città", "地域", "都市")),
        (new("youtube-subscription-status", Channels.YouTube, "YouTube Studio tables by subscription status", YouTubeInstead), h => FirstIs(h, "Subscription status", "Status da inscrição", "Abostatus", "Statut d'abonnement", "Estado de la suscripción", "Stato iscrizione", "登録状況")),
        (new("youtube-traffic-source", Channels.YouTube, "YouTube Studio tables by traffic source", YouTubeInstead), h => FirstIs(h, "Traffic source", "Origem do tráfego", "Zugriffsquelle", "Source de trafic", "Fuente de tráfico", "Sorgente di traffico", "トラフィック ソース")),
        (new("youtube-device-type", Channels.YouTube, "YouTube Studio tables by device", YouTubeInstead), h => FirstIs(h, "Device type", "Operating system", "Tipo de dispositivo", "Gerätetyp", "Type d'appareil", "Tipo di dispositivo", "デバイスの種類")),
        (new("linkedin-page-followers", Channels.LinkedIn, "LinkedIn Page followers exports (new followers by day and follower demographics)", LinkedInInstead), h => h.Has("Date") && h.Has("Organic followers") && h.Has("Sponsored followers")),
        (new("linkedin-page-visitors", Channels.LinkedIn, "LinkedIn Page visitors exports (page views by day and visitor demographics)", LinkedInInstead), h => h.Has("Date") && h.Has("Total page views (total)", "Overview page views (total)")),
        // X's Video tab download ("Video overview" above "Date,Views,Watch Time (ms),Completion Rate,…"), as two parsers of
        // other projects describe it; no download was found. Its views are the overview's "Video views" again.
        (new("x-video-overview", Channels.X, "The X video overview (views, watch time and revenue of videos)", "export Overview (account_overview_analytics.csv) and Content (account_analytics_content_….csv) from X → Analytics", Plural: false), h => h.Has("Watch Time (ms)") && h.Has("Completion Rate")),
        (new("youtube-daily-totals", Channels.YouTube, "YouTube Studio chart and totals files (Chart data.csv, Totals.csv)", YouTubeInstead + " — its Table data.csv, or the whole zip"), IsYouTubeChartOrTotals),
    ];

    /// <summary>The known unused export the file is, if any.</summary>
    public static KnownExport? Find(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Container == ExportContainer.Text && probe.Csv is { } preview)
        {
            return Find(preview, probe.File.FileName);
        }

        if (ExportZip.IsExportZip(probe))
        {
            return ExportZip.CsvPreviews(probe.File).Select(e => Find(e.Value, e.Key)).FirstOrDefault(k => k is not null);
        }

        return null;
    }

    /// <summary>A GA4 "Reports snapshot": a dashboard of up to 16 small tables (<c>Nth day,Active users</c>, top pages…).</summary>
    public static bool IsGa4ReportsSnapshot(CsvPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return preview.Records.Any(r => r.Fields.Length > 0 && (r.Fields[0].Contains("Reports snapshot", StringComparison.OrdinalIgnoreCase)
            || TableHeader.IsNamed(r.Fields[0], "Nth day")));
    }

    private static KnownExport? Find(CsvPreview preview, string fileName)
    {
        if (IsGa4ReportsSnapshot(preview))
        {
            return new KnownExport(
                "ga4-reports-snapshot",
                Channels.Blog,
                "A Google Analytics 4 Reports snapshot",
                "its tables list only the top rows; export Reports → Engagement → Pages and screens (Share this report → Download file → CSV)",
                Plural: false);
        }

        if (Ga4ReportDimension(preview) is { } dimension)
        {
            return new KnownExport(
                "ga4-other-report",
                Channels.Blog,
                $"A Google Analytics 4 report by '{dimension}'",
                (TableHeader.IsNamed(dimension, "Landing page", "Landing page + query string")
                    ? "it counts the sessions that start on each page, not the page's views; "
                    : "the blog's figures are the views of each page; ")
                + "export Reports → Engagement → Pages and screens, with its Views column (Share this report → Download file → CSV)",
                Plural: false);
        }

        if (IsMetaAudience(preview))
        {
            return new KnownExport("meta-audience", MetaChannel(fileName), "Meta audience demographics (age & gender, top cities and countries)", MetaInstead);
        }

        if (IsMetaTopFormats(preview))
        {
            return new KnownExport("meta-top-content-formats", MetaChannel(fileName), "Meta \"Top content formats\" summaries", MetaInstead);
        }

        if (preview.FindHeader(h => h.Has("Video asset ID") && h.Has("Publish time")) is not null)
        {
            return new KnownExport(
                "facebook-video-assets",
                Channels.Facebook,
                "Facebook video performance exports (one row per video asset)",
                "each video is also a post: export Content → Posts from Meta Business Suite, which the report reads");
        }

        foreach (var (export, header) in Tables)
        {
            if (preview.FindHeader(header, within: 2) is not null)
            {
                return export;
            }
        }

        return null;
    }

    /// <summary>
    /// The dimension (first column) of a GA4 report download no reader took: GA4 writes a comment preamble opened by a
    /// dashed line (<c># ----</c>, the report's name, <c># Account:</c>, <c># Property:</c>, the dates) above the table
    /// (Events, Landing page, User acquisition, Tech details, a report by Date… seen in real downloads). Null for other files.
    /// </summary>
    private static string? Ga4ReportDimension(CsvPreview preview)
    {
        if (preview.Records.Count == 0 || preview.Records[0].Fields.Length == 0 || !preview.Records[0].Fields[0].StartsWith("# --", StringComparison.Ordinal))
        {
            return null;
        }

        var table = preview.Records.FirstOrDefault(r => r.Fields.Length > 1 && !r.Fields[0].TrimStart().StartsWith('#'));
        return table?.Fields[0].Trim() is { Length: > 0 } dimension ? dimension : null;
    }

    private static bool FirstIs(TableHeader header, params string[] names) =>
        header.Names.Count > 1 && TableHeader.IsNamed(header.Names[0], names);

    /// <summary>
    /// Chart data (date, video, title…, metric) or Totals (date and one metric: views, watch time, revenue "(USD)"):
    /// YouTube's daily files, in any UI language.
    /// </summary>
    private static bool IsYouTubeChartOrTotals(TableHeader header) =>
        header.Names.Count >= 2 && TableHeader.IsNamed(header.Names[0], "Date", "Datum", "Data", "Fecha", "日付")
        && (TableHeader.IsNamed(header.Names[1], YouTubeContentReader.ContentNames)
            || (header.Names.Count <= 3 && (header.Has(YouTubeContentReader.ViewNames) || IsMoney(header.Names[^1]))))
        && !header.Has("Impressions", "Profile Views", "Primary", "Video Views");

    /// <summary>A revenue column: the name ends with a currency code, "Receita estimada (USD)".</summary>
    private static bool IsMoney(string name)
    {
        var text = name.Trim();
        return text.Length > 6 && text[^1] == ')' && text[^5] == '(' && text[^4..^1].All(char.IsAsciiLetterUpper);
    }

    /// <summary>
    /// Meta's Audience download: blocks titled "Age &amp; gender", "Top cities", "Top countries"; the 2023–24 vintage
    /// starts with follower counts under Meta's metric keys (<c>FB_PAGE, FOLLOW, UNIQUE_USERS</c>, <c>IG_ACCOUNT, …</c>).
    /// </summary>
    private static bool IsMetaAudience(CsvPreview preview) =>
        preview.Records.Take(4).Any(r => r.Fields.Length > 0
            && (TableHeader.IsNamed(r.Fields[0], "Age & gender", "Age and gender", "Top cities", "Top countries")
                || (r.Fields.Length > 1 && TableHeader.IsNamed(r.Fields[0], "FB_PAGE", "IG_ACCOUNT") && TableHeader.IsNamed(r.Fields[1], "FOLLOW"))));

    private static bool IsMetaTopFormats(CsvPreview preview) =>
        preview.Records.Count > 1 && preview.Records[1].Fields.Any(f => TableHeader.IsNamed(f, "Reels")) && preview.Records[1].Fields.Any(f => TableHeader.IsNamed(f, "Photos", "Multi-photo", "Links"));

    private static string MetaChannel(string fileName) =>
        fileName.Contains("instagram", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("IG", StringComparison.OrdinalIgnoreCase) ? Channels.Instagram : Channels.Facebook;
}
