using System.Globalization;
using Azure.Data.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Maps canonical records to table entities and back. Keys: posts live in partition
/// <c>{brand}|{channel}|{yyyy-MM}</c> (UTC month of publication) so a brand's channel-month is one partition and a
/// month range is a partition-key range; daily values in <c>{brand}|{channel}|{metric}</c> with the date as row key.
/// Missing metrics are left out of the entity (missing stays missing, never 0).
/// </summary>
internal static class PostEntityMapper
{
    // A string property holds at most 32 K UTF-16 characters; post texts longer than that are cut (kept for lists only).
    private const int MaxTextLength = 32_000;

    public static string PostPartition(string brand, string channel, DateTimeOffset publishedAt) =>
        TableKeys.Join(brand, channel, publishedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    public static string PostRow(CanonicalPost post) => post.Kind == ExportKind.Range && post.RangeFrom is { } from && post.RangeTo is { } to
        ? TableKeys.Escape(post.PostId) + "@" + from.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
        : TableKeys.Escape(post.PostId);

    public static string DailyPartition(string brand, string channel, string metric) =>
        TableKeys.Join(brand, channel, TableKeys.Escape(metric));

    public static string DailyRow(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(CanonicalPost post)
    {
        var entity = new TableEntity(PostPartition(post.Brand, post.Channel, post.PublishedAt), PostRow(post))
        {
            ["Brand"] = post.Brand,
            ["Channel"] = post.Channel,
            ["PostId"] = post.PostId,
            ["PublishedAt"] = post.PublishedAt.ToUniversalTime(),
            ["ContentType"] = post.ContentType,
            ["Kind"] = post.Kind.ToString(),
        };
        Set(entity, "SourceTimeZone", post.SourceTimeZone);
        Set(entity, "Text", post.Text is { Length: > MaxTextLength } t ? t[..MaxTextLength] : post.Text);
        Set(entity, "Permalink", post.Permalink);
        Set(entity, "Series", post.Series);
        Set(entity, "Impressions", post.Impressions);
        Set(entity, "Reach", post.Reach);
        Set(entity, "Reactions", post.Reactions);
        Set(entity, "Comments", post.Comments);
        Set(entity, "Shares", post.Shares);
        Set(entity, "Saves", post.Saves);
        Set(entity, "Clicks", post.Clicks);
        Set(entity, "VideoViews", post.VideoViews);
        Set(entity, "WatchTimeSeconds", post.WatchTimeSeconds);
        Set(entity, "PlatformEngagements", post.PlatformEngagements);
        Set(entity, "RangeFrom", post.RangeFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(entity, "RangeTo", post.RangeTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(entity, "UploadId", post.UploadId);
        if (post.ExportedAt is { } exportedAt)
        {
            entity["ExportedAt"] = exportedAt.ToUniversalTime();
        }

        return entity;
    }

    public static CanonicalPost ToPost(TableEntity e) => new()
    {
        Brand = e.GetString("Brand"),
        Channel = e.GetString("Channel"),
        PostId = e.GetString("PostId"),
        PublishedAt = e.GetDateTimeOffset("PublishedAt") ?? DateTimeOffset.MinValue,
        SourceTimeZone = e.GetString("SourceTimeZone"),
        Text = e.GetString("Text"),
        Permalink = e.GetString("Permalink"),
        ContentType = e.GetString("ContentType") ?? ContentTypes.Other,
        Series = string.IsNullOrEmpty(e.GetString("Series")) ? null : e.GetString("Series"),
        Impressions = e.GetInt64("Impressions"),
        Reach = e.GetInt64("Reach"),
        Reactions = e.GetInt64("Reactions"),
        Comments = e.GetInt64("Comments"),
        Shares = e.GetInt64("Shares"),
        Saves = e.GetInt64("Saves"),
        Clicks = e.GetInt64("Clicks"),
        VideoViews = e.GetInt64("VideoViews"),
        WatchTimeSeconds = e.GetDouble("WatchTimeSeconds"),
        PlatformEngagements = e.GetInt64("PlatformEngagements"),
        Kind = Enum.TryParse<ExportKind>(e.GetString("Kind"), out var kind) ? kind : ExportKind.Posts,
        RangeFrom = ParseDate(e.GetString("RangeFrom")),
        RangeTo = ParseDate(e.GetString("RangeTo")),
        UploadId = e.GetString("UploadId"),
        ExportedAt = e.GetDateTimeOffset("ExportedAt"),
    };

    public static TableEntity ToEntity(DailyMetric value)
    {
        var entity = new TableEntity(DailyPartition(value.Brand, value.Channel, value.Metric), DailyRow(value.Date))
        {
            ["Brand"] = value.Brand,
            ["Channel"] = value.Channel,
            ["Metric"] = value.Metric,
            ["Value"] = value.Value,
        };
        Set(entity, "UploadId", value.UploadId);
        return entity;
    }

    public static DailyMetric ToDaily(TableEntity e) => new()
    {
        Brand = e.GetString("Brand"),
        Channel = e.GetString("Channel"),
        Metric = e.GetString("Metric"),
        Date = ParseDate(e.RowKey) ?? DateOnly.MinValue,
        Value = e.GetDouble("Value") ?? 0,
        UploadId = e.GetString("UploadId"),
    };

    /// <summary>Rough serialized size, to keep a batch under the 4 MiB payload limit.</summary>
    public static int EstimateSize(TableEntity entity)
    {
        var size = 256;
        foreach (var (key, value) in entity)
        {
            size += key.Length + 32 + (value is string s ? s.Length * 3 : 16);
        }

        return size;
    }

    private static void Set(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
