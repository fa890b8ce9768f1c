using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Digest;

/// <summary>
/// A brand's week for its social team (data only; the Reports project words it as a mail and a Teams card): posts against
/// the weekly targets per channel, series whose status changed during the week, channels whose exports are overdue, the
/// week's best post, and the link to the team's page.
/// </summary>
public sealed record WeeklyDigest
{
    public required BrandName Brand { get; init; }

    public required string DisplayName { get; init; }

    public required ReportLocale Locale { get; init; }

    public required BrandClock Clock { get; init; }

    public required DigestWeek Week { get; init; }

    public IReadOnlyList<DigestChannel> Channels { get; init; } = [];

    public IReadOnlyList<SeriesStatusChange> SeriesChanges { get; init; } = [];

    public IReadOnlyList<OverdueExport> OverdueExports { get; init; } = [];

    public PostSummary? BestPost { get; init; }

    /// <summary>The team's page for the brand.</summary>
    public required string PageUrl { get; init; }
}

/// <summary>Posts of one channel in the week against its weekly target (null without one).</summary>
public sealed record DigestChannel(string Channel, int Posts, double? Target);

/// <summary>A series whose detector status at the end of the week differs from the one a week earlier.</summary>
public sealed record SeriesStatusChange(string Channel, string Series, string? Before, string After, SeriesHealth Health);

/// <summary>A channel whose exports stop before the last <see cref="DigestOptions.OverdueAfterDays"/> days of the week.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="LastCovered">The last day any accepted export of the channel covers; null when it never had one.</param>
/// <param name="DaysUncovered">Days from that day to the end of the week.</param>
public sealed record OverdueExport(string Channel, DateOnly? LastCovered, int DaysUncovered);
