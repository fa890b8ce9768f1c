using SocialFunctions.Core.Brands;

namespace SocialFunctions.Reports.Localization;

/// <summary>Every fixed word the report prints, per supported locale (<c>en</c>, <c>fr</c>).</summary>
internal sealed record ReportLabels
{
    public required string ReportKind { get; init; }

    public required string TrendReport { get; init; }

    public required string FunnelFocus { get; init; }

    public required string HeadlineMetrics { get; init; }

    public required string Generated { get; init; }

    public required string PreparedFor { get; init; }

    public required string Contents { get; init; }

    public required string ExecutiveSummary { get; init; }

    public required string ExecutiveSummaryLead { get; init; }

    public required string NoInsights { get; init; }

    public required string AtAGlance { get; init; }

    public required string ChannelPerformance { get; init; }

    public required string ChannelLead { get; init; }

    public required string NoChannels { get; init; }

    public required string ComponentsProvided { get; init; }

    public required string NoComponents { get; init; }

    /// <summary>Under a series whose channel exports carry no engagement figures, in place of evidence (no row of dashes).</summary>
    public required string SeriesWithoutEngagement { get; init; }

    public required string Trend13Months { get; init; }

    public required string NoHistory { get; init; }

    public required string ContentPerformance { get; init; }

    public required string ContentLead { get; init; }

    public required string TopPosts { get; init; }

    public required string BottomPosts { get; init; }

    public required string NoPosts { get; init; }

    public required string SeriesPerformance { get; init; }

    public required string SeriesLead { get; init; }

    public required string NoSeries { get; init; }

    public required string SeriesSuggestions { get; init; }

    public required string SeriesSuggestionsLead { get; init; }

    public required string CalendarAdherence { get; init; }

    public required string CalendarLead { get; init; }

    public required string NoCadence { get; init; }

    public required string NoTarget { get; init; }

    /// <summary>A calendar week no export of the channel covers: its posts are unknown.</summary>
    public required string NoExport { get; init; }

    /// <summary>A calendar week its exports cover in part: "{0}/7 days".</summary>
    public required string CoveredDaysShort { get; init; }

    public required string LegendOnTarget { get; init; }

    public required string LegendClose { get; init; }

    public required string LegendBehind { get; init; }

    public required string LegendNoTarget { get; init; }

    public required string PivotPlan { get; init; }

    public required string PivotLead { get; init; }

    public required string NoCommentary { get; init; }

    public required string DataCoverage { get; init; }

    public required string CoverageLead { get; init; }

    public required string NoCoverage { get; init; }

    public required string NoGaps { get; init; }

    public required string NoUploads { get; init; }

    public required string Glossary { get; init; }

    public required string GlossaryLead { get; init; }

    public required string PageOf { get; init; }

    // Column headers.
    public required string Metric { get; init; }

    public required string ThisMonth { get; init; }

    public required string PreviousMonth { get; init; }

    public required string Mom { get; init; }

    public required string Rolling3 { get; init; }

    public required string Yoy { get; init; }

    public required string Channel { get; init; }

    public required string Date { get; init; }

    public required string Post { get; init; }

    public required string Series { get; init; }

    public required string Posts { get; init; }

    /// <summary>The posts column header: short, because "PUBLICATIONS" does not fit a number column.</summary>
    public required string PostsColumn { get; init; }

    public required string Baseline { get; init; }

    public required string Gap { get; init; }

    public required string WeeklyTrend { get; init; }

    /// <summary>Engagement rate in a narrow table header, as each language's glossary abbreviates it ("ER", "TE").</summary>
    public required string RateShort { get; init; }

    public required string Status { get; init; }

    public required string Week { get; init; }

    public required string CoveredDays { get; init; }

    public required string Gaps { get; init; }

    public required string Files { get; init; }

    public required string Term { get; init; }

    public required string Definition { get; init; }

    public required string Channels { get; init; }

    public required string Change { get; init; }

    public required string VsPreviousMonth { get; init; }

    public required string Versus { get; init; }

    /// <summary>Label separator: French puts a (non-breaking) space before the colon.</summary>
    public required string Colon { get; init; }

    public required string HashtagOrPrefix { get; init; }

    public required IReadOnlyDictionary<string, string> Metrics { get; init; }

    public required IReadOnlyDictionary<Core.Brands.FunnelFocus, string> FunnelStages { get; init; }

    public required string Overview { get; init; }

    public required string OverviewLead { get; init; }

    public required string EngagementsByChannel { get; init; }

    public required string TotalReach { get; init; }

    public required string OverallEngagementRate { get; init; }

    public required string EngagementShare { get; init; }

    public required string WhatWorks { get; init; }

    public required string WhatWorksLead { get; init; }

    public required string Format { get; init; }

    public required string Day { get; init; }

    public required string TimeOfDay { get; init; }

    public required string MonthColumn { get; init; }

    public required string PriorColumn { get; init; }

    public required string VsChannelAverage { get; init; }

    public required string NoOverview { get; init; }

    public required string NoSlices { get; init; }

    public required string TotalPicture { get; init; }

    /// <summary>Under the total tiles, after the mark of the changes it explains (<c>*</c> vs last month, <c>**</c> vs last year).</summary>
    public required string LikeForLike { get; init; }

    public required string DataGapsLine { get; init; }

    public required string WhatIsMissing { get; init; }

    public required string DailySource { get; init; }

    public required string Share { get; init; }

    public required string NotShownMetrics { get; init; }

    public required IReadOnlyDictionary<string, string> ContentTypes { get; init; }

    public required IReadOnlyDictionary<string, string> Statuses { get; init; }

    public static ReportLabels For(ReportLocale locale) => locale.Language == ReportLanguage.French ? French : English;

    public static readonly ReportLabels English = new()
    {
        ReportKind = "MONTHLY SOCIAL MEDIA TREND REPORT",
        TrendReport = "Trend report",
        FunnelFocus = "Funnel focus",
        HeadlineMetrics = "Headline metrics",
        Generated = "Generated",
        PreparedFor = "Prepared for the leadership team",
        Contents = "In this report",
        ExecutiveSummary = "Executive summary",
        ExecutiveSummaryLead = "What leadership should know this month: the total picture, then what matters most — ranked by the channel's size × the size of the change × how sure it is.",
        NoInsights = "No insights were computed for this month: there is not enough data to compare.",
        AtAGlance = "All channels at a glance",
        ChannelPerformance = "Channel performance",
        ChannelLead = "The month against the previous month, the rolling three months and last year; the 13-month trends of the headline metrics.",
        NoChannels = "No channel data was uploaded for this month.",
        ComponentsProvided = "Engagement components in this channel's exports",
        NoComponents = "The exports of this channel provide no engagement components.",
        SeriesWithoutEngagement = "Not judged: this channel's exports give no engagement figures per post.",
        Trend13Months = "13-month trend",
        NoHistory = "No history yet for this metric.",
        ContentPerformance = "Content performance",
        ContentLead = "The posts that did best and worst this month, by engagement rate.",
        TopPosts = "Top posts",
        BottomPosts = "Bottom posts",
        NoPosts = "No posts were published in this month.",
        SeriesPerformance = "Content series",
        SeriesLead = "Each recurring series against its channel's baseline (the channel's other posts over the trailing 90 days).",
        NoSeries = "No content series are defined, or none had posts this month.",
        SeriesSuggestions = "Recurring formats without a series rule",
        SeriesSuggestionsLead = "Hashtags and title prefixes used in several posts that no series rule covers yet.",
        CalendarAdherence = "Calendar adherence",
        CalendarLead = "Posts per ISO week against the brand's posting target, per channel.",
        NoCadence = "No posting targets or posts to compare for this month.",
        NoTarget = "no target",
        NoExport = "no export",
        CoveredDaysShort = "{0}/7 days",
        LegendOnTarget = "On target (100% or more)",
        LegendClose = "Close (75–99%)",
        LegendBehind = "Behind (under 75%)",
        LegendNoTarget = "No target set",
        PivotPlan = "How we plan to pivot",
        PivotLead = "The social team's own plan for next month.",
        NoCommentary = "The team has not added commentary for this month yet.",
        DataCoverage = "Data coverage",
        CoverageLead = "Which days of the month the uploaded exports cover. Gaps mean the figures above are incomplete.",
        NoCoverage = "No exports were uploaded for this month.",
        NoGaps = "complete",
        NoUploads = "no files",
        Glossary = "Glossary",
        GlossaryLead = "How each metric is defined, as in the product's metric specification.",
        PageOf = "Page {0} of {1}",
        Metric = "Metric",
        ThisMonth = "This month",
        PreviousMonth = "Previous",
        Mom = "MoM",
        Rolling3 = "Rolling 3 mo.",
        Yoy = "YoY",
        Channel = "Channel",
        Date = "Date",
        Post = "Post",
        Series = "Series",
        Posts = "Posts",
        PostsColumn = "Posts",
        Baseline = "Baseline ER",
        Gap = "Gap",
        WeeklyTrend = "Weekly ER",
        RateShort = "ER",
        Status = "Status",
        Week = "Week",
        CoveredDays = "Covered days",
        Gaps = "Gaps",
        Files = "Files",
        Term = "Term",
        Definition = "Definition",
        Channels = "Channels",
        Change = "Change",
        VsPreviousMonth = "vs previous month",
        Versus = "vs",
        Colon = ": ",
        HashtagOrPrefix = "Hashtag or prefix",
        Metrics = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["posts"] = "Posts",
            ["impressions"] = "Impressions",
            ["reach"] = "Reach",
            ["engagements"] = "Engagements",
            ["saves"] = "Saves",
            ["shares"] = "Shares",
            ["engagementRate"] = "Engagement rate",
            ["clicks"] = "Clicks",
            ["ctr"] = "Click-through rate",
            ["videoViews"] = "Video views",
            ["watchTimeSeconds"] = "Watch time",
            ["followerGrowth"] = "Follower growth",
        },
        FunnelStages = new Dictionary<Core.Brands.FunnelFocus, string>
        {
            [Core.Brands.FunnelFocus.Awareness] = "Awareness",
            [Core.Brands.FunnelFocus.Consideration] = "Consideration",
            [Core.Brands.FunnelFocus.Conversion] = "Conversion",
        },
        Overview = "Overall content performance",
        OverviewLead = "All channels together: 13 months of engagement, reach and engagement rate, where engagement comes from, and which formats, days and times work.",
        EngagementsByChannel = "Engagements by channel",
        TotalReach = "Total reach (sum of channels)",
        OverallEngagementRate = "Overall engagement rate",
        EngagementShare = "Share of engagement this month",
        WhatWorks = "What works",
        WhatWorksLead = "Engagement rate this month and over the three months before; \"vs channel average\" compares each post with its own channel's rate over those four months, so a format is not judged by the channel it runs on.",
        Format = "Format",
        Day = "Day",
        TimeOfDay = "Time (local)",
        MonthColumn = "This month",
        PriorColumn = "3 months before",
        VsChannelAverage = "vs channel avg.",
        NoOverview = "No channel has figures for this month yet.",
        NoSlices = "No post with impressions and engagements was published in these four months.",
        TotalPicture = "All channels",
        LikeForLike = "Like for like: without {0} (incomplete data in one of the two months).",
        DataGapsLine = "Data gaps: {0}. Figures there are incomplete, not zero — see Data coverage, page {1}.",
        WhatIsMissing = "What the exports do not cover",
        DailySource = "Figures from the channel's daily account series (it has no post export): sums of the month's days.",
        Share = "Share",
        NotShownMetrics = "Not in this channel's exports: {0}.",
        ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["image"] = "Images",
            ["video"] = "Videos",
            ["carousel"] = "Carousels",
            ["link"] = "Links",
            ["text"] = "Text posts",
            ["reel"] = "Reels",
            ["story"] = "Stories",
            ["short"] = "Shorts",
            ["article"] = "Articles",
            ["other"] = "Other",
        },
        Statuses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["healthy"] = "Healthy",
            ["at-risk"] = "At risk",
            ["underperforming"] = "Underperforming",
            ["insufficient-data"] = "Not enough data",
        },
    };

    public static readonly ReportLabels French = new()
    {
        ReportKind = "RAPPORT MENSUEL DES TENDANCES SOCIAL MEDIA",
        TrendReport = "Rapport de tendances",
        FunnelFocus = "Priorité du tunnel",
        HeadlineMetrics = "Indicateurs clés",
        Generated = "Généré le",
        PreparedFor = "Préparé pour l'équipe de direction",
        Contents = "Dans ce rapport",
        ExecutiveSummary = "Synthèse",
        ExecutiveSummaryLead = "Ce que la direction doit retenir ce mois-ci : la vue d'ensemble, puis ce qui compte le plus — classé par taille du canal × ampleur de l'évolution × certitude.",
        NoInsights = "Aucun enseignement calculé pour ce mois : les données ne suffisent pas à comparer.",
        AtAGlance = "Tous les canaux en un coup d'œil",
        ChannelPerformance = "Performance par canal",
        ChannelLead = "Le mois comparé au mois précédent, aux trois derniers mois et à l'an dernier ; tendances sur 13 mois des indicateurs clés.",
        NoChannels = "Aucune donnée de canal n'a été importée pour ce mois.",
        ComponentsProvided = "Composantes d'engagement fournies par les exports de ce canal",
        NoComponents = "Les exports de ce canal ne fournissent aucune composante d'engagement.",
        SeriesWithoutEngagement = "Non évaluée : les exports de ce réseau ne donnent aucun chiffre d'engagement par publication.",
        Trend13Months = "Tendance sur 13 mois",
        NoHistory = "Pas encore d'historique pour cet indicateur.",
        ContentPerformance = "Performance des contenus",
        ContentLead = "Les publications les plus et les moins performantes du mois, par taux d'engagement.",
        TopPosts = "Meilleures publications",
        BottomPosts = "Publications les moins performantes",
        NoPosts = "Aucune publication ce mois-ci.",
        SeriesPerformance = "Séries de contenus",
        SeriesLead = "Chaque série récurrente comparée à la référence de son canal (les autres publications du canal sur 90 jours glissants).",
        NoSeries = "Aucune série de contenus n'est définie, ou aucune n'a eu de publication ce mois-ci.",
        SeriesSuggestions = "Formats récurrents sans règle de série",
        SeriesSuggestionsLead = "Hashtags et préfixes de titre utilisés dans plusieurs publications qu'aucune règle ne couvre encore.",
        CalendarAdherence = "Respect du calendrier",
        CalendarLead = "Publications par semaine ISO comparées à l'objectif de publication de la marque, par canal.",
        NoCadence = "Aucun objectif de publication ni publication à comparer pour ce mois.",
        NoTarget = "sans objectif",
        NoExport = "pas d'export",
        CoveredDaysShort = "{0}/7 j.",
        LegendOnTarget = "Objectif atteint (100 % ou plus)",
        LegendClose = "Proche (75–99 %)",
        LegendBehind = "En retard (moins de 75 %)",
        LegendNoTarget = "Aucun objectif",
        PivotPlan = "Comment nous allons ajuster",
        PivotLead = "Le plan de l'équipe social media pour le mois prochain.",
        NoCommentary = "L'équipe n'a pas encore ajouté de commentaire pour ce mois.",
        DataCoverage = "Couverture des données",
        CoverageLead = "Les jours du mois couverts par les exports importés. Une lacune signifie que les chiffres ci-dessus sont incomplets.",
        NoCoverage = "Aucun export n'a été importé pour ce mois.",
        NoGaps = "complet",
        NoUploads = "aucun fichier",
        Glossary = "Glossaire",
        GlossaryLead = "La définition de chaque indicateur, telle que la spécification du produit la donne.",
        PageOf = "Page {0} sur {1}",
        Metric = "Indicateur",
        ThisMonth = "Ce mois",
        PreviousMonth = "Mois préc.",
        Mom = "Évol. mens.",
        Rolling3 = "3 mois gliss.",
        Yoy = "Sur un an",
        Channel = "Canal",
        Date = "Date",
        Post = "Publication",
        Series = "Série",
        Posts = "Publications",
        PostsColumn = "Publ.",
        Baseline = "Référence",
        Gap = "Écart",
        WeeklyTrend = "Taux hebdo.",
        RateShort = "TE",
        Status = "Statut",
        Week = "Semaine",
        CoveredDays = "Jours couverts",
        Gaps = "Lacunes",
        Files = "Fichiers",
        Term = "Terme",
        Definition = "Définition",
        Channels = "Canaux",
        Change = "Évolution",
        VsPreviousMonth = "vs mois précédent",
        Versus = "vs",
        Colon = "\u00A0: ",
        HashtagOrPrefix = "Hashtag ou préfixe",
        Metrics = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["posts"] = "Publications",
            ["impressions"] = "Impressions",
            ["reach"] = "Portée",
            ["engagements"] = "Engagements",
            ["saves"] = "Enregistrements",
            ["shares"] = "Partages",
            ["engagementRate"] = "Taux d'engagement",
            ["clicks"] = "Clics",
            ["ctr"] = "Taux de clics",
            ["videoViews"] = "Vues vidéo",
            ["watchTimeSeconds"] = "Durée de visionnage",
            ["followerGrowth"] = "Croissance des abonnés",
        },
        FunnelStages = new Dictionary<Core.Brands.FunnelFocus, string>
        {
            [Core.Brands.FunnelFocus.Awareness] = "Notoriété",
            [Core.Brands.FunnelFocus.Consideration] = "Considération",
            [Core.Brands.FunnelFocus.Conversion] = "Conversion",
        },
        Overview = "Performance globale des contenus",
        OverviewLead = "Tous les canaux ensemble : 13 mois d'engagements, de portée et de taux d'engagement, d'où vient l'engagement, et quels formats, jours et heures fonctionnent.",
        EngagementsByChannel = "Engagements par canal",
        TotalReach = "Portée totale (somme des canaux)",
        OverallEngagementRate = "Taux d'engagement global",
        EngagementShare = "Part de l'engagement ce mois-ci",
        WhatWorks = "Ce qui fonctionne",
        WhatWorksLead = "Taux d'engagement du mois et des trois mois précédents ; « vs moyenne du canal » compare chaque publication au taux de son propre canal sur ces quatre mois, pour ne pas juger un format sur le canal où il passe.",
        Format = "Format",
        Day = "Jour",
        TimeOfDay = "Heure (locale)",
        MonthColumn = "Ce mois",
        PriorColumn = "3 mois préc.",
        VsChannelAverage = "vs moy. canal",
        NoOverview = "Aucun canal n'a encore de chiffres pour ce mois.",
        NoSlices = "Aucune publication avec impressions et engagements sur ces quatre mois.",
        TotalPicture = "Tous les canaux",
        LikeForLike = "À périmètre constant : sans {0} (données incomplètes sur l'un des deux mois).",
        DataGapsLine = "Données incomplètes : {0}. Leurs chiffres sont partiels, pas nuls — voir Couverture des données, page {1}.",
        WhatIsMissing = "Ce que les exports ne couvrent pas",
        DailySource = "Chiffres issus des séries quotidiennes du compte (aucun export de publications) : sommes des jours du mois.",
        Share = "Part",
        NotShownMetrics = "Absents des exports de ce canal : {0}.",
        ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["image"] = "Images",
            ["video"] = "Vidéos",
            ["carousel"] = "Carrousels",
            ["link"] = "Liens",
            ["text"] = "Textes",
            ["reel"] = "Reels",
            ["story"] = "Stories",
            ["short"] = "Shorts",
            ["article"] = "Articles",
            ["other"] = "Autres",
        },
        Statuses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["healthy"] = "Sain",
            ["at-risk"] = "À risque",
            ["underperforming"] = "Sous-performe",
            ["insufficient-data"] = "Données insuffisantes",
        },
    };
}
