using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Alerts;

/// <summary>One notification about one series: what happened (<see cref="Kind"/>) and the evidence. Data only: the Reports project words it.</summary>
public sealed record SeriesAlert
{
    /// <summary>One of <see cref="AlertKind"/>.</summary>
    public required string Kind { get; init; }

    public required SeriesHealth Health { get; init; }

    public required BrandName Brand { get; init; }

    /// <summary>Brand display name for the title.</summary>
    public required string BrandDisplayName { get; init; }

    /// <summary>The language and formats of the card and the mail (the brand's locale).</summary>
    public ReportLocale Locale { get; init; } = ReportLocale.English;

    /// <summary>The brand's time zone: dates in the card and the mail (the evidence's onset) are local. UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The report month the card links to: the latest complete month in the brand's time zone.</summary>
    public required ReportMonth ReportMonth { get; init; }

    /// <summary>Public base URL of the API (no trailing slash), for the card's links.</summary>
    public required string PublicBaseUrl { get; init; }

    /// <summary>Stable id of this notification (brand, channel, series, kind, episode start): dedupe tag for mail.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// True when this is a retry of a notification a check claimed and never confirmed (it may have gone out before a
    /// crash): a mail is then looked for in Sent Items by <see cref="Id"/> before it is sent.
    /// </summary>
    public bool MayHaveBeenSent { get; init; }

    /// <summary>The series data the card links to.</summary>
    public string SeriesUrl => $"{PublicBaseUrl}/api/brands/{Uri.EscapeDataString(Brand)}/series";

    /// <summary>The report PDF the card links to.</summary>
    public string ReportUrl => $"{PublicBaseUrl}/api/brands/{Uri.EscapeDataString(Brand)}/reports/{ReportMonth}.pdf";
}

/// <summary>The outcome of delivering one alert.</summary>
/// <param name="Delivered">True when the channel accepted it.</param>
/// <param name="Channel"><c>teams</c>, <c>mail</c> or <c>outbox</c>.</param>
/// <param name="Where">The outbox file, or a non-secret description (never the webhook URL).</param>
/// <param name="Detail">Why it failed, when it did.</param>
public sealed record AlertDelivery(bool Delivered, string Channel, string? Where = null, string? Detail = null);
