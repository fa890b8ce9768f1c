using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Alerts;

/// <summary>
/// Builds the Teams alert: an Adaptive Card 1.5 (the newest version Teams renders) wrapped in the Workflows webhook
/// payload <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",...}]}</c>.
/// The post table is truncated (oldest rows first) so the whole message stays under <see cref="MaxPayloadBytes"/>.
/// </summary>
public static class SeriesAlertCard
{
    public const string Version = "1.5";
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Teams rejects messages of about 28 KB; keep a margin for the transport.</summary>
    public const int MaxPayloadBytes = 27 * 1024;

    private const int MaxPostTextLength = 80;

    // A webhook body, not HTML: keep "−", "·" and post text readable (and small) instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The webhook payload, as UTF-8 JSON bytes no larger than <paramref name="maxBytes"/>.</summary>
    public static byte[] BuildPayload(SeriesAlert alert, int maxBytes = MaxPayloadBytes)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var posts = alert.Health.RecentPosts;
        for (var shown = posts.Count; shown >= 0; shown--)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(Wrap(BuildCard(alert, shown)), JsonOptions);
            if (bytes.Length <= maxBytes)
            {
                return bytes;
            }
        }

        throw new InvalidOperationException($"The alert card for series '{alert.Health.Series}' exceeds {maxBytes} bytes even without its post table.");
    }

    /// <summary>The card itself (the <c>content</c> of the attachment), showing the last <paramref name="postsShown"/> posts.</summary>
    public static JsonObject BuildCard(SeriesAlert alert, int postsShown)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var health = alert.Health;
        var channel = Channels.DisplayName(health.Channel);
        var body = new JsonArray
        {
            Text(Title(alert.Kind, health.Series, channel), size: "Large", weight: "Bolder", color: alert.Kind == AlertKind.Recovered ? "Good" : "Attention"),
            Text(Subtitle(alert), isSubtle: true),
            Text(SeriesEvidenceFormatter.Describe(health), weight: "Bolder"),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact("Recent ER", Percent(health.RecentEngagementRate, "0.00")),
                    Fact("Baseline ER", Percent(health.BaselineEngagementRate, "0.00")),
                    Fact("Gap", health.RelativeGap is { } gap ? (gap >= 0 ? "+" : "−") + Math.Abs(gap * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "n/a"),
                    Fact("Posts", health.Posts.ToString(CultureInfo.InvariantCulture) + " since the onset, " + health.BaselinePosts.ToString(CultureInfo.InvariantCulture) + " baseline"),
                    Fact("Confidence", Percent(health.Confidence, "0")),
                    Fact("Since", health.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "n/a"),
                },
            },
        };

        var shown = health.RecentPosts.Skip(Math.Max(0, health.RecentPosts.Count - postsShown)).ToArray();
        if (shown.Length > 0)
        {
            body.Add(Text("Latest posts", weight: "Bolder"));
            body.Add(PostTable(shown));
        }

        if (shown.Length < health.RecentPosts.Count)
        {
            body.Add(Text($"{health.RecentPosts.Count - shown.Length} older posts not shown.", isSubtle: true));
        }

        var brand = Uri.EscapeDataString(health.Brand);
        return new JsonObject
        {
            ["$schema"] = Schema,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
            ["actions"] = new JsonArray
            {
                OpenUrl("Series data", $"{alert.PublicBaseUrl}/api/brands/{brand}/series"),
                OpenUrl($"Report {alert.ReportMonth}", $"{alert.PublicBaseUrl}/api/brands/{brand}/reports/{alert.ReportMonth}.pdf"),
            },
        };
    }

    private static JsonObject Wrap(JsonObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray
        {
            new JsonObject { ["contentType"] = CardContentType, ["contentUrl"] = null, ["content"] = card },
        },
    };

    private static string Title(string kind, string series, string channel) => kind switch
    {
        AlertKind.Recovered => $"Recovered: {series} on {channel} is back near its baseline",
        AlertKind.Reminder => $"Still underperforming: {series} on {channel}",
        _ => $"Underperforming: {series} on {channel}",
    };

    private static string Subtitle(SeriesAlert alert) =>
        $"{alert.BrandDisplayName} · engagement rate of the series' posts since it turned weak vs the channel's other posts (last 90 days)";

    private static JsonObject PostTable(IReadOnlyList<SeriesPostPoint> posts)
    {
        var rows = new JsonArray { Row(true, "Date", "Impressions", "ER", "Post") };
        foreach (var post in posts)
        {
            rows.Add(Row(
                false,
                post.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                post.Impressions.ToString("N0", CultureInfo.InvariantCulture),
                Percent(post.EngagementRate, "0.00"),
                PostLabel(post)));
        }

        return new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = false,
            ["columns"] = new JsonArray
            {
                new JsonObject { ["width"] = 2 },
                new JsonObject { ["width"] = 2 },
                new JsonObject { ["width"] = 1 },
                new JsonObject { ["width"] = 4 },
            },
            ["rows"] = rows,
        };
    }

    private static JsonObject Row(bool header, params string[] cells)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            array.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray { Text(cell, size: "Small", weight: header ? "Bolder" : null) } });
        }

        return new JsonObject { ["type"] = "TableRow", ["cells"] = array };
    }

    private static string PostLabel(SeriesPostPoint post)
    {
        var text = string.IsNullOrWhiteSpace(post.Text) ? post.PostId : post.Text.ReplaceLineEndings(" ").Trim();
        if (text.Length > MaxPostTextLength)
        {
            text = string.Concat(text.AsSpan(0, MaxPostTextLength - 1), "…");
        }

        // Markdown links are the only way to link inside a TextBlock; brackets in the label would break the link.
        return post.Permalink is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"[{EscapeLinkText(text)}]({uri.AbsoluteUri})"
            : text;
    }

    private static string EscapeLinkText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '[' or ']' ? '\'' : c);
        }

        return builder.ToString();
    }

    private static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool isSubtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    private static string Percent(double? value, string format) =>
        value is { } v ? (v * 100).ToString(format, CultureInfo.InvariantCulture) + " %" : "n/a";
}
