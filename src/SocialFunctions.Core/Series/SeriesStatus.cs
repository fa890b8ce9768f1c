namespace SocialFunctions.Core.Series;

/// <summary>The status words of the series API (<c>GET /api/brands/{brand}/series</c>), the report and the alerts.</summary>
public static class SeriesStatus
{
    /// <summary>No evidence that the series is materially below its channel.</summary>
    public const string Healthy = "healthy";

    /// <summary>
    /// Looks weak but is not proven: the evidence since the onset leans below the channel (or the point estimate is 30 % or
    /// more below over 6 or more posts) without reaching the calibrated bar. Shown in the report and the API, never alerted.
    /// </summary>
    public const string AtRisk = "at-risk";

    /// <summary>Below its channel beyond the calibrated bar: opens an episode and a Teams card.</summary>
    public const string Underperforming = "underperforming";

    /// <summary>Too few posts of the series or of the channel to judge; never flagged.</summary>
    public const string InsufficientData = "insufficient-data";
}

/// <summary>What a series was compared with (<see cref="SeriesHealth.BaselineBasis"/>).</summary>
public static class SeriesBaselineBasis
{
    /// <summary>The channel's other posts of the same content type (reels with reels).</summary>
    public const string ContentType = "content-type";

    /// <summary>All the channel's other posts (too few of the series' content type to compare like with like).</summary>
    public const string AllTypes = "all-types";

    /// <summary>Some posts against their content type, the others against all types.</summary>
    public const string Mixed = "mixed";
}
