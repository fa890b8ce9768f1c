using System.Globalization;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Reports.Tests.Fixtures;

/// <summary>
/// A realistic report model: four channels with 13 months of history (one without video metrics), six series (two
/// underperforming), 200 top posts with emoji and accents, cadence, coverage with a gap, and a long commentary.
/// Deterministic: the same call always builds the same model.
/// </summary>
internal static class ReportModelBuilder
{
    public static readonly string[] ChannelIds = ["instagram", "linkedin", "tiktok", "youtube"];

    public static ReportModel Build(int topPosts = 200, int commentaryParagraphs = 24) => new()
    {
        Brand = BrandName.Parse("northwind-coffee"),
        DisplayName = "Northwind Coffee Roasters",
        Month = new ReportMonth(2026, 10),
        Clock = BrandClock.Find("Europe/Paris"),
        Locale = ReportLocale.English,
        FunnelFocus = FunnelFocus.Consideration,
        PaperSize = PaperSize.A4,
        GeneratedAt = new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.FromHours(1)),
        Channels = [.. ChannelIds.Select((id, index) => Channel(id, index))],
        Cadence = [.. Cadence()],
        Series = [.. Series()],
        TopPosts = [.. Posts(topPosts, best: true)],
        BottomPosts = [.. Posts(10, best: false)],
        Coverage = [.. Coverage()],
        Insights = [.. Insights()],
        SeriesSuggestions =
        [
            new SeriesSuggestion { Name = "Latte Art Friday", Hashtag = "#LatteArtFriday", Posts = 5, Channels = ["instagram", "tiktok"] },
            new SeriesSuggestion { Name = "Roaster's notes", Prefix = "Roaster's notes:", Posts = 3, Channels = ["linkedin"] },
        ],
        Commentary = Commentary(commentaryParagraphs),
    };

    private static ChannelTrend Channel(string id, int index)
    {
        var hasVideo = id != "linkedin";
        var history = Enumerable.Range(0, 13).Select(m => Month(id, index, m, hasVideo)).ToList();
        var current = history[^1];
        var previous = history[^2];
        return new ChannelTrend
        {
            Channel = id,
            // What the builder derives from the exports: LinkedIn's export has no video metrics, so it shows none.
            Available = hasVideo
                ? ["posts", "impressions", "reach", "engagements", "engagementRate", "clicks", "ctr", "videoViews", "watchTimeSeconds", "followerGrowth"]
                : ["posts", "impressions", "reach", "engagements", "engagementRate", "clicks", "ctr", "followerGrowth"],
            Components = id == "linkedin" ? ["reactions", "comments", "shares", "clicks"] : ["reactions", "comments", "shares", "saves"],
            Posts = current.Posts,
            Impressions = current.Impressions,
            Reach = current.Reach,
            Engagements = current.Engagements,
            EngagementRate = current.EngagementRate,
            Clicks = current.Clicks,
            Ctr = current.Ctr,
            VideoViews = current.VideoViews,
            WatchTimeSeconds = current.WatchTimeSeconds,
            FollowerGrowth = current.FollowerGrowth,
            Previous = previous,
            Rolling3 = previous with { },
            Mom = new Dictionary<string, double?>
            {
                ["impressions"] = Change(current.Impressions, previous.Impressions),
                ["reach"] = Change(current.Reach, previous.Reach),
                ["engagements"] = Change(current.Engagements, previous.Engagements),
                ["engagementRate"] = Change(current.EngagementRate, previous.EngagementRate),
                ["clicks"] = Change(current.Clicks, previous.Clicks),
                ["ctr"] = Change(current.Ctr, previous.Ctr),
                ["videoViews"] = Change(current.VideoViews, previous.VideoViews),
                ["watchTimeSeconds"] = Change(current.WatchTimeSeconds, previous.WatchTimeSeconds),
                ["followerGrowth"] = null,
            },
            Yoy = new Dictionary<string, double?>
            {
                ["impressions"] = Change(current.Impressions, history[0].Impressions),
                ["engagementRate"] = Change(current.EngagementRate, history[0].EngagementRate),
            },
            History = history,
        };
    }

    private static MonthlyMetrics Month(string id, int index, int m, bool hasVideo)
    {
        var month = new DateOnly(2025, 10, 1).AddMonths(m);
        var wave = Math.Sin((m + index) * 0.7);
        var impressions = (long)((40_000 + (index * 25_000)) * (1 + (m * 0.04) + (0.12 * wave)));
        var engagements = (long)(impressions * (0.028 + (index * 0.006) + (0.004 * Math.Cos(m * 0.9))));
        var clicks = (long)(impressions * (0.006 + (0.001 * index)));
        return new MonthlyMetrics
        {
            Month = ReportMonth.Of(month),
            Posts = 18 + ((m + index) % 6),
            Impressions = impressions,
            Reach = (long)(impressions * 0.71),
            Engagements = engagements,
            EngagementRate = (double)engagements / impressions,
            Clicks = clicks,
            Ctr = (double)clicks / impressions,
            VideoViews = hasVideo ? (long)(impressions * 0.35) : null,
            WatchTimeSeconds = hasVideo ? impressions * 0.35 * 14.5 : null,
            FollowerGrowth = 120 + (index * 40) + (m * 9),
        };
    }

    private static double? Change(double? current, double? previous) =>
        current is { } c && previous is { } p && p > 0 ? (c - p) / p : null;

    private static IEnumerable<CadenceWeek> Cadence()
    {
        var weeks = new[] { ("2026-W40", new DateOnly(2026, 9, 28)), ("2026-W41", new DateOnly(2026, 10, 5)), ("2026-W42", new DateOnly(2026, 10, 12)), ("2026-W43", new DateOnly(2026, 10, 19)), ("2026-W44", new DateOnly(2026, 10, 26)) };
        var w = 0;
        foreach (var (week, start) in weeks)
        {
            for (var c = 0; c < ChannelIds.Length; c++)
            {
                double? target = ChannelIds[c] == "youtube" ? null : 3 + (c % 2);
                var posts = (w + c) % 5;
                yield return new CadenceWeek
                {
                    Channel = ChannelIds[c],
                    Week = week,
                    WeekStart = start,
                    Posts = posts,
                    Target = target,
                    Adherence = target is { } t ? posts / t : null,
                };
            }

            w++;
        }
    }

    private static IEnumerable<SeriesPerformance> Series()
    {
        var names = new[] { ("Tip Tuesday", "instagram", 0.041, 0.048, "underperforming"), ("Behind the Scenes", "instagram", 0.061, 0.048, "healthy"), ("Meet the Farmer", "linkedin", 0.039, 0.037, "healthy"), ("Brew Guide", "youtube", 0.052, 0.050, "healthy"), ("Café Stories", "tiktok", 0.029, 0.046, "underperforming"), ("Origin Trip", "tiktok", 0.05, 0.046, "insufficient-data") };
        foreach (var (name, channel, rate, baseline, status) in names)
        {
            yield return new SeriesPerformance
            {
                Series = name,
                Channel = channel,
                Posts = status == "insufficient-data" ? 2 : 8,
                EngagementRate = rate,
                BaselineEngagementRate = baseline,
                RelativeGap = (rate - baseline) / baseline,
                Status = status,
                Trend = [.. Enumerable.Range(0, 8).Select(i => new WeeklyRate
                {
                    WeekStart = new DateOnly(2026, 9, 7).AddDays(7 * i),
                    Posts = 1,
                    EngagementRate = i == 3 && status == "healthy" ? null : rate * (1 + (0.15 * Math.Sin(i + name.Length))),
                })],
            };
        }
    }

    private static IEnumerable<PostSummary> Posts(int count, bool best)
    {
        var texts = new[]
        {
            "Our new Ethiopian single origin is here ☕🎉 Bright, floral, and roasted this morning. #NewArrival",
            "Tip Tuesday: grind just before brewing for a sweeter cup. #TipTuesday",
            "Behind the Scenes: 5 a.m. at the roastery, where every batch is cupped before it ships.",
            "Café crème, déjà vu: the recipe our Lyon café has served since 1998 👩‍🍳",
            "Meet the Farmer — Ana from Huila, Colombia, on why altitude matters for acidity and sweetness in the cup.",
            "Flash sale! 20% off all subscriptions this weekend only 🔥🔥🔥",
        };
        for (var i = 0; i < count; i++)
        {
            var impressions = best ? 90_000 - (i * 300) : 1_200 + (i * 50);
            var rate = best ? 0.12 - (i * 0.0004) : 0.004 + (i * 0.0002);
            yield return new PostSummary
            {
                Channel = ChannelIds[i % ChannelIds.Length],
                PostId = $"post-{(best ? "top" : "bottom")}-{i:000}",
                PublishedAt = new DateTimeOffset(2026, 10, 1 + (i % 31), 9 + (i % 10), 30, 0, TimeSpan.Zero),
                Text = texts[i % texts.Length],
                Series = i % 3 == 1 ? "Tip Tuesday" : null,
                Impressions = impressions,
                Engagements = (long)(impressions * rate),
                EngagementRate = i % 17 == 5 ? null : rate,
            };
        }
    }

    private static IEnumerable<ChannelCoverage> Coverage()
    {
        yield return new ChannelCoverage
        {
            Channel = "instagram",
            DaysInMonth = 31,
            CoveredDays = 31,
            Uploads = [new CoveredRange { FileName = "instagram-oct.csv", Format = "instagram-csv", From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 31) }],
        };
        yield return new ChannelCoverage
        {
            Channel = "linkedin",
            DaysInMonth = 31,
            CoveredDays = 24,
            Uploads = [new CoveredRange { FileName = "linkedin-content.xls", Format = "linkedin-xls", From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 24) }],
            Gaps = [new DateRange(new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 31))],
        };
        yield return new ChannelCoverage
        {
            Channel = "tiktok",
            DaysInMonth = 31,
            CoveredDays = 31,
            Uploads =
            [
                new CoveredRange { FileName = "tiktok-1.csv", Format = "tiktok-csv", From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 15) },
                new CoveredRange { FileName = "tiktok-2.csv", Format = "tiktok-csv", From = new DateOnly(2026, 10, 16), To = new DateOnly(2026, 10, 31) },
            ],
        };
        yield return new ChannelCoverage { Channel = "youtube", DaysInMonth = 31, CoveredDays = 0 , Gaps = [new DateRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31))] };
    }

    private static IEnumerable<Insight> Insights()
    {
        yield return new Insight { Rank = 1, Kind = InsightKind.MetricMove, Text = "TikTok engagement rate rose to 4.78%, its best month this year, driven by the Origin Trip videos.", Channel = "tiktok", Metric = "engagementRate", Value = 0.0478, Reference = 0.041, Change = 0.166 };
        yield return new Insight { Rank = 2, Kind = InsightKind.SeriesGap, Text = "Tip Tuesday on Instagram has trailed the channel baseline for six weeks; consider a new format.", Channel = "instagram", Metric = "engagementRate", Value = 0.041, Reference = 0.048, Change = -0.146 };
        yield return new Insight { Rank = 3, Kind = InsightKind.MetricMove, Text = "LinkedIn impressions grew while posting stayed flat: reach comes from reshares by employees.", Channel = "linkedin", Metric = "impressions", Value = 91_234, Change = 0.083 };
        yield return new Insight { Rank = 4, Kind = InsightKind.NoCoverage, Text = "YouTube data for October is missing: upload the export to complete this report." };
    }

    private static string Commentary(int paragraphs)
    {
        var lines = new List<string>();
        for (var i = 1; i <= paragraphs; i++)
        {
            lines.Add($"Paragraph {i}: we will move Tip Tuesday from static tips to 20-second reels, since short video carries our engagement on every channel. We keep the cadence at three posts a week and review the results at the end of November with the café managers <b>and</b> the roastery team.");
            lines.Add(string.Empty);
            if (i % 4 == 0)
            {
                lines.Add($"- Action {i}a: brief the café team on filming latte art.");
                lines.Add($"- Action {i}b: test two posting times (8:00 and 18:00).");
                lines.Add(string.Empty);
            }
        }

        return string.Join('\n', lines);
    }
}
