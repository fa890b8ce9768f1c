namespace SocialFunctions.Core.Records;

/// <summary>
/// The canonical post record of metrics.md. A metric that the export does not provide is <c>null</c> (missing),
/// never 0, so aggregates can say how many posts they cover.
/// </summary>
public sealed record CanonicalPost
{
    /// <summary>A stored text value holds at most 32 K UTF-16 characters (Table Storage); longer post texts are cut to this.</summary>
    public const int MaxStoredTextLength = 32_000;

    public required string Brand { get; init; }

    public required string Channel { get; init; }

    /// <summary>The platform's id, else a stable hash of the permalink (else of publish time + text).</summary>
    public required string PostId { get; init; }

    /// <summary>Instant of publication (UTC). For range aggregates without a publish date: the range start.</summary>
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>The export's own time zone when it states one (e.g. "+0000"), else null.</summary>
    public string? SourceTimeZone { get; init; }

    /// <summary>The post's text; only the first <see cref="MaxStoredTextLength"/> characters are kept (the upload answer warns).</summary>
    public string? Text { get; init; }

    public string? Permalink { get; init; }

    /// <summary>One of <see cref="ContentTypes"/>.</summary>
    public string ContentType { get; init; } = ContentTypes.Other;

    /// <summary>The series from the brand's rules; null when no rule matches.</summary>
    public string? Series { get; init; }

    public long? Impressions { get; init; }

    public long? Reach { get; init; }

    public long? Reactions { get; init; }

    public long? Comments { get; init; }

    public long? Shares { get; init; }

    public long? Saves { get; init; }

    public long? Clicks { get; init; }

    public long? VideoViews { get; init; }

    public double? WatchTimeSeconds { get; init; }

    public long? PlatformEngagements { get; init; }

    /// <summary><see cref="ExportKind.Posts"/> for lifetime snapshots, <see cref="ExportKind.Range"/> for range aggregates.</summary>
    public ExportKind Kind { get; init; } = ExportKind.Posts;

    /// <summary>For range aggregates: the first day of the export's range.</summary>
    public DateOnly? RangeFrom { get; init; }

    /// <summary>For range aggregates: the last day of the export's range.</summary>
    public DateOnly? RangeTo { get; init; }

    /// <summary>The upload (content hash) this version of the record came from.</summary>
    public string? UploadId { get; init; }

    /// <summary>When the export was taken, as far as known (export day, else upload time): newer snapshots win.</summary>
    public DateTimeOffset? ExportedAt { get; init; }
}
