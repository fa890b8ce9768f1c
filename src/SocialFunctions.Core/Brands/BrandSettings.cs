using System.Text.Json.Serialization;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Brands;

/// <summary>
/// A brand's settings, typed: built once from what a client sent (<see cref="BrandSettingsValidator"/>) and never
/// re-parsed. Defaults are those of a brand nobody configured yet (<see cref="BrandDefaults"/>). Stored as camelCase JSON
/// with the same field names and values the settings API uses.
/// </summary>
public sealed record BrandSettings
{
    public required BrandName Brand { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The brand's time zone; months, weeks and schedules are computed in it.</summary>
    [JsonPropertyName("timeZone")]
    public BrandClock Clock { get; init; } = BrandClock.Utc;

    /// <summary>Words, numbers and dates of the report, its mail and the alerts.</summary>
    public ReportLocale Locale { get; init; } = ReportLocale.English;

    /// <summary>What the report leads with.</summary>
    public FunnelFocus FunnelFocus { get; init; } = BrandDefaults.FunnelFocus;

    /// <summary>Leadership addresses the monthly report goes to.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The mailbox the reports are sent from (Graph <c>users/{sender}/sendMail</c>).</summary>
    public string? Sender { get; init; }

    /// <summary>The social team: alerts go here by mail when no Teams webhook is set.</summary>
    public IReadOnlyList<string> TeamRecipients { get; init; } = [];

    /// <summary>Target posts per ISO week per channel, e.g. instagram → 3.</summary>
    public IReadOnlyDictionary<string, double> PostingTargets { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<SeriesRule> SeriesRules { get; init; } = [];

    /// <summary>Teams Workflows webhook URL: a secret (its <c>sig=</c> grants posting); never echoed back whole.</summary>
    public string? TeamsWebhookUrl { get; init; }

    /// <summary>Day of the month (1–28) on which the previous month's report is due, in the brand's time zone.</summary>
    public int ReportDayOfMonth { get; init; } = BrandDefaults.ReportDayOfMonth;

    /// <summary>Local time of day at which the report is due (stored <c>HH:mm</c>).</summary>
    [JsonConverter(typeof(ReportTimeJsonConverter))]
    public TimeOnly ReportTime { get; init; } = BrandDefaults.ReportTime;

    public PaperSize PaperSize { get; init; } = BrandDefaults.PaperSize;

    /// <summary>Send the social team a status digest every Monday morning (local). Default on.</summary>
    public bool WeeklyDigest { get; init; } = BrandDefaults.WeeklyDigest;

    /// <summary>The name leaders read: the display name, else the brand name.</summary>
    [JsonIgnore]
    public string Title => string.IsNullOrWhiteSpace(DisplayName) ? Brand.Value : DisplayName;

    public static BrandSettings CreateDefault(BrandName brand) => new() { Brand = brand };
}

/// <summary>A rule assigning posts to a recurring content series; the first matching rule wins.</summary>
public sealed record SeriesRule
{
    public required string Name { get; init; }

    /// <summary>Matches when the post text contains this hashtag as a whole tag (case-insensitive), e.g. <c>#TipTuesday</c>.</summary>
    public string? Hashtag { get; init; }

    /// <summary>Matches when the post text starts with this prefix (case-insensitive), e.g. <c>Behind the Scenes:</c>.</summary>
    public string? Prefix { get; init; }

    /// <summary>A .NET regular expression matched against the post text.</summary>
    public string? Pattern { get; init; }

    /// <summary>When set, the rule applies only to these channels.</summary>
    public IReadOnlyList<string>? Channels { get; init; }
}

/// <summary>Defaults for brand settings, in one place.</summary>
public static class BrandDefaults
{
    public const string TimeZone = "UTC";
    public const string Locale = "en";
    public const FunnelFocus FunnelFocus = Brands.FunnelFocus.Consideration;
    public const int ReportDayOfMonth = 1;
    public static readonly TimeOnly ReportTime = new(7, 0);
    public const PaperSize PaperSize = Brands.PaperSize.A4;
    public const bool WeeklyDigest = true;
}
