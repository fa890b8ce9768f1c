using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialFunctions.Core.Brands;

/// <summary>Where social sits in the brand's funnel (metrics.md "Funnel focus"): what the report leads with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FunnelFocus>))]
public enum FunnelFocus
{
    [JsonStringEnumMemberName("awareness")]
    Awareness,

    [JsonStringEnumMemberName("consideration")]
    Consideration,

    [JsonStringEnumMemberName("conversion")]
    Conversion,
}

/// <summary>The report's paper size.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaperSize>))]
public enum PaperSize
{
    [JsonStringEnumMemberName("A4")]
    A4,

    [JsonStringEnumMemberName("Letter")]
    Letter,
}

/// <summary>
/// The settings' words for <see cref="FunnelFocus"/> and <see cref="PaperSize"/> (<c>awareness</c>, <c>A4</c>, …), so the
/// validator, the API and storage agree on spelling.
/// </summary>
public static class BrandSettingValues
{
    private static readonly Dictionary<string, FunnelFocus> Focuses = new(StringComparer.Ordinal)
    {
        ["awareness"] = FunnelFocus.Awareness,
        ["consideration"] = FunnelFocus.Consideration,
        ["conversion"] = FunnelFocus.Conversion,
    };

    public static IReadOnlyList<string> FunnelFocuses { get; } = [.. Focuses.Keys];

    public static IReadOnlyList<string> PaperSizes { get; } = [nameof(PaperSize.A4), nameof(PaperSize.Letter)];

    public static bool TryParseFunnelFocus([NotNullWhen(true)] string? text, out FunnelFocus focus)
    {
        focus = FunnelFocus.Consideration;
        return text is not null && Focuses.TryGetValue(text, out focus);
    }

    public static string Name(this FunnelFocus focus) => Focuses.First(kv => kv.Value == focus).Key;

    public static bool TryParsePaperSize([NotNullWhen(true)] string? text, out PaperSize size)
    {
        size = PaperSize.A4;
        switch (text)
        {
            case nameof(PaperSize.A4):
                return true;
            case nameof(PaperSize.Letter):
                size = PaperSize.Letter;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Parses a report time of day, exactly <c>HH:mm</c> (00:00–23:59).</summary>
    public static bool TryParseReportTime([NotNullWhen(true)] string? text, out TimeOnly time)
    {
        time = default;
        return text is { Length: 5 } && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public static string ReportTimeText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Stores a report time as <c>HH:mm</c>, as the settings API shows it.</summary>
public sealed class ReportTimeJsonConverter : JsonConverter<TimeOnly>
{
    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return BrandSettingValues.TryParseReportTime(text, out var time)
            ? time
            : throw new JsonException($"'{text}' is not a time of day in the form HH:mm.");
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(BrandSettingValues.ReportTimeText(value));
    }
}
