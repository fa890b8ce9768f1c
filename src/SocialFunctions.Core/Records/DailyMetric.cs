namespace SocialFunctions.Core.Records;

/// <summary>One value of a daily account-level series (e.g. instagram reach on 2026-10-01).</summary>
public sealed record DailyMetric
{
    public required string Brand { get; init; }

    public required string Channel { get; init; }

    /// <summary>Lower-case metric name, e.g. "reach", "followers", "impressions", "video-views".</summary>
    public required string Metric { get; init; }

    public required DateOnly Date { get; init; }

    public required double Value { get; init; }

    public string? UploadId { get; init; }

    /// <summary>When the export was taken, as far as known (else upload time): a newer export's value wins.</summary>
    public DateTimeOffset? ExportedAt { get; init; }
}
