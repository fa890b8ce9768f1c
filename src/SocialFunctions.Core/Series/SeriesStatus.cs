namespace SocialFunctions.Core.Series;

/// <summary>The status words of the series API (<c>GET /api/brands/{brand}/series</c>).</summary>
public static class SeriesStatus
{
    public const string Healthy = "healthy";
    public const string Underperforming = "underperforming";
    public const string InsufficientData = "insufficient-data";
}
