using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// The pieces every Teams message we post is made of (the series alert, the weekly digest): an Adaptive Card 1.5 in a
/// Workflows webhook message, its text blocks and links, and user text made inert. Hand-built JSON: the AdaptiveCards
/// .NET package is not served.
/// </summary>
internal static class AdaptiveCard
{
    public const string Version = "1.5";
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    // A webhook body, not HTML: keep "−", "·", accents and post text readable (and small) instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A full-width card with its body and actions.</summary>
    public static JsonObject Card(JsonArray body, JsonArray actions) => new()
    {
        ["$schema"] = Schema,
        ["type"] = "AdaptiveCard",
        ["version"] = Version,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = body,
        ["actions"] = actions,
    };

    /// <summary>The webhook message carrying <paramref name="card"/>, as UTF-8 JSON.</summary>
    public static byte[] Message(JsonObject card) => JsonSerializer.SerializeToUtf8Bytes(
        new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card } },
        },
        JsonOptions);

    public static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool isSubtle = false)
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

    public static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    /// <summary>
    /// User text (post texts, series and brand names) as TextBlock markdown that renders as the text itself: a zero-width
    /// space after <c>[ * _ ` ~</c> and between <c>]</c> and <c>(</c> breaks links, emphasis and code spans a post could
    /// otherwise smuggle into the team's channel (e.g. <c>[Reset your password](https://evil.example)</c>).
    /// </summary>
    public static string Inert(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            builder.Append(c);
            if (c is '[' or '*' or '_' or '`' or '~' || (c == ']' && i + 1 < text.Length && text[i + 1] == '('))
            {
                builder.Append('\u200B');
            }
        }

        return builder.ToString();
    }
}
