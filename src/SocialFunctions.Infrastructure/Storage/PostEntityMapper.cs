using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Maps canonical records to table entities and back, and owns the key layout (docs/architecture.md, "Storage design").
/// <list type="bullet">
/// <item>Posts: PK <c>{brand}|m{yyyy-MM}|{bucket}</c> (UTC month of publication, then one of <see cref="PostBuckets"/>
/// buckets of the channel and post id), RK <c>{channel}|{post id}</c> (range aggregates: <c>…@{from}-{to}</c>). A
/// big upload spreads over 32 partitions a month; a brand's posts of any period are one partition-key range.</item>
/// <item>Daily values: PK <c>{brand}|{yyyy}|{channel}|{metric}</c>, RK <c>yyyy-MM-dd</c>: a series-year per partition
/// (at most 366 rows); a brand's daily values of any period are one partition-key range.</item>
/// </list>
/// Missing metrics are left out of the entity (missing stays missing, never 0).
/// </summary>
internal static class PostEntityMapper
{
    /// <summary>
    /// Buckets per brand-month, a measured trade-off (docs/architecture.md, "Storage design"): Azurite's upsert cost
    /// grows with the partition's size and each transaction has a fixed cost, so more buckets help only the biggest
    /// uploads and cost every smaller one transactions (batches get smaller). On Azure, 16 already spread a month over
    /// more than the account's 20,000 entities/s. Part of the stored layout: changing it needs a migration
    /// (<see cref="TableKeyMigration"/>).
    /// </summary>
    public const int PostBuckets = 32;

    /// <summary>The buckets of the previous layout (<c>{brand}|{yyyy-MM}|{bucket}</c>), which the migration moves.</summary>
    internal const int PreviousPostBuckets = 16;

    /// <summary>
    /// Marks the month component of the current layout. The previous layout's keys (<c>{brand}|{yyyy-MM}|…</c>) sort
    /// before every <c>{brand}|m…</c> key, so a range scan of the current layout never returns a row not yet migrated
    /// (it would be read twice, once under each key).
    /// </summary>
    private const string MonthTag = "m";

    private const int MaxTextLength = CanonicalPost.MaxStoredTextLength;

    /// <summary>"00" to "ff": a bucket's key component without formatting a number for every row.</summary>
    private static readonly string[] BucketNames = [.. Enumerable.Range(0, 256).Select(i => i.ToString("x2", CultureInfo.InvariantCulture))];

    public static string PostPartition(CanonicalPost post) => PostPartition(post.Brand, post.Channel, post.PostId, post.PublishedAt);

    public static string PostPartition(string brand, string channel, string postId, DateTimeOffset publishedAt) =>
        TableKeys.Join(brand, MonthTag + Month(publishedAt), Bucket(channel, postId, PostBuckets));

    /// <summary>The previous layout's partition key (16 buckets, no month tag): what the migration looks for.</summary>
    internal static string PreviousPostPartition(CanonicalPost post) =>
        TableKeys.Join(post.Brand, Month(post.PublishedAt), Bucket(post.Channel, post.PostId, PreviousPostBuckets));

    /// <summary>The first partition key of a brand's month (bucket 00); with <see cref="PostPartitionsEnd"/>, a month range.</summary>
    public static string PostPartitionsFrom(string brand, DateTimeOffset instant) => TableKeys.Join(brand, MonthTag + Month(instant), string.Empty);

    /// <summary>A key greater than every partition key of the brand's month containing <paramref name="instant"/>.</summary>
    public static string PostPartitionsEnd(string brand, DateTimeOffset instant) => TableKeys.PrefixEnd(PostPartitionsFrom(brand, instant));

    public static string PostRow(CanonicalPost post) => TableKeys.Join(post.Channel, PostIdentity(post));

    /// <summary>The row-key prefix of one channel's posts (row keys start with the channel).</summary>
    public static string ChannelRowPrefix(string channel) => TableKeys.Join(channel, string.Empty);

    public static string DailyPartition(string brand, string channel, string metric, DateOnly date) =>
        TableKeys.Join(brand, date.Year.ToString("D4", CultureInfo.InvariantCulture), channel, TableKeys.Escape(metric));

    /// <summary>The first daily partition key of a brand's year; with <see cref="DailyPartitionsEnd"/>, a year range.</summary>
    public static string DailyPartitionsFrom(string brand, int year) => TableKeys.Join(brand, year.ToString("D4", CultureInfo.InvariantCulture), string.Empty);

    public static string DailyPartitionsEnd(string brand, int year) => TableKeys.PrefixEnd(DailyPartitionsFrom(brand, year));

    public static string DailyRow(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The post id (escaped), and for a range aggregate its range, which together identify the record.</summary>
    internal static string PostIdentity(CanonicalPost post) => post.Kind == ExportKind.Range && post.RangeFrom is { } from && post.RangeTo is { } to
        ? TableKeys.Escape(post.PostId) + "@" + from.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
        : TableKeys.Escape(post.PostId);

    private static string Month(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// FNV-1a of the channel and post id (not of the range, so every range of an item shares its partition). Stable
    /// across processes and versions, unlike string.GetHashCode: the bucket is part of the stored key.
    /// </summary>
    internal static string Bucket(string channel, string postId, int buckets)
    {
        var hash = Fnv1a(2166136261u, channel);
        hash = unchecked((hash ^ (byte)TableKeys.Separator) * 16777619u);
        hash = Fnv1a(hash, postId);
        return BucketNames[(int)(hash % (uint)buckets)];
    }

    /// <summary>FNV-1a over the UTF-8 bytes of <paramref name="value"/> (on the stack: this runs for every row written).</summary>
    private static uint Fnv1a(uint hash, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> bytes = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(value, bytes);
        foreach (var b in bytes[..length])
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    /// <summary>
    /// What a post's snapshot takes from another snapshot of the same post when it lacks it (TableBatchWriter): the
    /// values an export observes, which another export of the same post may leave out. Not the identity, the kind, the
    /// content type (always set) or the series (set from the brand's rules at each upload).
    /// </summary>
    public static IReadOnlyList<string> FillableProperties =>
    [
        "Text", "Permalink", "Impressions", "Reach", "Reactions", "Comments", "Shares", "Saves", "Clicks", "VideoViews", "WatchTimeSeconds",
        "PlatformEngagements",
    ];

    public static TableEntity ToEntity(CanonicalPost post)
    {
        var entity = new TableEntity(PostPartition(post), PostRow(post))
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
        var entity = new TableEntity(DailyPartition(value.Brand, value.Channel, value.Metric, value.Date), DailyRow(value.Date))
        {
            ["Brand"] = value.Brand,
            ["Channel"] = value.Channel,
            ["Metric"] = value.Metric,
            ["Value"] = value.Value,
        };
        Set(entity, "UploadId", value.UploadId);
        if (value.ExportedAt is { } exportedAt)
        {
            entity["ExportedAt"] = exportedAt.ToUniversalTime();
        }

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
        ExportedAt = e.GetDateTimeOffset("ExportedAt"),
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
