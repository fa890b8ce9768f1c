namespace SocialFunctions.Core.Brands;

/// <summary>A brand's settings (PUT/GET /api/brands/{brand}). Defaults are those of a brand nobody configured yet.</summary>
public sealed record BrandSettings
{
    public required string Brand { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>IANA time zone; months, weeks and schedules are computed in it.</summary>
    public string TimeZone { get; init; } = BrandDefaults.TimeZone;

    /// <summary><c>en</c> or <c>fr</c>: labels, numbers and dates of the report.</summary>
    public string Locale { get; init; } = BrandDefaults.Locale;

    /// <summary><c>awareness</c>, <c>consideration</c> or <c>conversion</c>: what the report leads with.</summary>
    public string FunnelFocus { get; init; } = BrandDefaults.FunnelFocus;

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

    /// <summary>Local time of day (HH:mm) at which the report is due.</summary>
    public string ReportTime { get; init; } = BrandDefaults.ReportTime;

    /// <summary><c>A4</c> or <c>Letter</c>.</summary>
    public string PaperSize { get; init; } = BrandDefaults.PaperSize;

    public static BrandSettings CreateDefault(string brand) => new() { Brand = brand };
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
    public const string FunnelFocus = "consideration";
    public const int ReportDayOfMonth = 1;
    public const string ReportTime = "07:00";
    public const string PaperSize = "A4";
}
