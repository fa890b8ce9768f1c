using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>Small builders for hand-computed analytics fixtures.</summary>
internal static class TestData
{
    public static CanonicalPost Post(
        string channel, string id, string publishedAtUtc, long? impressions, long? reactions,
        long? comments = null, long? shares = null, long? saves = null, long? clicks = null, long? reach = null, string? series = null) => new()
        {
            Brand = "acme",
            Channel = channel,
            PostId = id,
            PublishedAt = DateTimeOffset.Parse(publishedAtUtc, System.Globalization.CultureInfo.InvariantCulture),
            Text = "post " + id,
            Impressions = impressions,
            Reach = reach,
            Reactions = reactions,
            Comments = comments,
            Shares = shares,
            Saves = saves,
            Clicks = clicks,
            Series = series,
        };

    public static CanonicalPost Range(string channel, string id, string from, string to, long impressions, long reactions) => new()
    {
        Brand = "acme",
        Channel = channel,
        PostId = id,
        PublishedAt = new DateTimeOffset(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        Kind = ExportKind.Range,
        RangeFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        RangeTo = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        Impressions = impressions,
        Reactions = reactions,
    };

    public static UploadRecord Upload(string channel, string from, string to, string status = UploadStatus.Accepted, ExportKind kind = ExportKind.Posts) => new()
    {
        Brand = "acme",
        UploadId = Guid.NewGuid().ToString("N"),
        FileName = $"{channel}-{from}.csv",
        ReceivedAt = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
        Format = channel + "-posts",
        Channel = channel,
        Kind = kind,
        Status = status,
        From = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        To = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static DailyMetric Daily(string channel, string metric, string date, double value) => new()
    {
        Brand = "acme",
        Channel = channel,
        Metric = metric,
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Value = value,
    };
}
