using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// One native export format: recognises itself from a probe of the file's content and streams the file's rows
/// as canonical records. Readers never hold a whole file in memory; only a year-less day series (one row per day, at
/// most <see cref="Formats.TikTokSeries.MaxDays"/>) is held until its end, to resolve its years.
/// </summary>
public interface IExportReader
{
    /// <summary>What the format is called in responses and logs, and what it yields.</summary>
    ExportFormatInfo Format { get; }

    /// <summary>Confidence 0–1 that the probed file is this format; 0 when it is certainly not.</summary>
    double Match(ExportProbe probe);

    /// <summary>
    /// Streams the rows of a file that <see cref="Match"/> accepted. Bad rows are yielded as
    /// <see cref="RejectedRow"/> (the valid rows are kept); a file that cannot be read at all throws
    /// <see cref="ExportFormatException"/> naming the line and column.
    /// </summary>
    IAsyncEnumerable<ExportRow> ReadAsync(ExportProbe probe, ExportContext context, CancellationToken cancellationToken);
}

/// <param name="Name">Stable id, e.g. <c>facebook-posts</c>, <c>x-tweet-activity</c>, <c>tiktok-overview</c>.</param>
/// <param name="DisplayName">Human name, e.g. "Facebook posts (Meta Business Suite)".</param>
/// <param name="Channel">The channel, or null when each row names its own (canonical CSV, Meta daily files).</param>
/// <param name="Kind">Posts, range aggregates or a daily series.</param>
/// <param name="SignatureHeaders">Header names that identify the format; used to name the closest format for unknown files.</param>
public sealed record ExportFormatInfo(
    string Name,
    string DisplayName,
    string? Channel,
    ExportKind Kind,
    IReadOnlyList<string> SignatureHeaders);

/// <summary>What a reader needs to know beyond the file: whose it is, the brand's zone, when it arrived.</summary>
/// <param name="Brand">The brand the upload belongs to.</param>
/// <param name="BrandTimeZone">For exports that write local times without a zone (Meta "Publish time").</param>
/// <param name="ReceivedAt">Upload time: the last resort for a year the file does not state (see <see cref="ExportedOn"/>).</param>
/// <param name="UploadId">Content hash of the file, stamped on every record.</param>
public sealed record ExportContext(string Brand, TimeZoneInfo BrandTimeZone, DateTimeOffset ReceivedAt, string UploadId)
{
    /// <summary>The day the export was downloaded, as the user states it (<c>?exportedOn=</c>); null when not stated.</summary>
    public DateOnly? ExportedOn { get; init; }

    /// <summary>
    /// When the data was exported, for "the newer export wins": the stated export day (its start, UTC) when the user gave
    /// one, else the upload time — so an old export uploaded late does not overwrite newer values.
    /// </summary>
    public DateTimeOffset ExportTime => ExportedOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : ReceivedAt;

    /// <summary>The channel the user names for a file that does not say (<c>?channel=</c>: Meta's bare "Views").</summary>
    public string? ChannelHint { get; init; }

    /// <summary>
    /// What the reader had to infer and the user should know (years of year-less dates…), shown in the upload answer.
    /// One context per read: a copy made with <c>with</c> shares this list.
    /// </summary>
    public ExportWarnings Warnings { get; } = new();

    /// <summary>The upload day in the brand's zone.</summary>
    public DateOnly UploadDay => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ReceivedAt, BrandTimeZone).DateTime);

    /// <summary>
    /// A new post of this upload: brand, channel, id, publication time, kind, upload and export time set — the tail every
    /// reader repeated. Readers add the metrics with <c>with { … }</c>.
    /// </summary>
    public CanonicalPost NewPost(string channel, string postId, DateTimeOffset publishedAt, DateTimeOffset? exportedAt = null) => new()
    {
        Brand = Brand,
        Channel = channel,
        PostId = postId,
        PublishedAt = publishedAt,
        Kind = ExportKind.Posts,
        UploadId = UploadId,
        ExportedAt = exportedAt ?? ExportTime,
    };

    /// <summary>A per-item aggregate over <paramref name="from"/>–<paramref name="to"/> (YouTube videos, GA4 pages).</summary>
    public CanonicalPost NewRangeItem(string channel, string postId, DateTimeOffset publishedAt, DateOnly from, DateOnly to) => new()
    {
        // NewPost's fields with the range's, in one record (readers of short rows allocate per row).
        Brand = Brand,
        Channel = channel,
        PostId = postId,
        PublishedAt = publishedAt,
        Kind = ExportKind.Range,
        RangeFrom = from,
        RangeTo = to,
        UploadId = UploadId,
        ExportedAt = ExportTime,
    };

    /// <summary>One value of a daily account series of this upload.</summary>
    public DailyMetric NewDaily(string channel, string metric, DateOnly date, double value) => new()
    {
        Brand = Brand,
        Channel = channel,
        Metric = metric,
        Date = date,
        Value = value,
        UploadId = UploadId,
        ExportedAt = ExportTime,
    };
}

/// <summary>Warnings of one upload, in order, each once.</summary>
public sealed class ExportWarnings : IReadOnlyList<string>
{
    private readonly List<string> _items = [];

    public int Count => _items.Count;

    public string this[int index] => _items[index];

    /// <summary>How many warnings an upload lists; past it one line says more were left out.</summary>
    public const int MaxListed = 50;

    /// <summary>Adds <paramref name="warning"/> unless it was already given (or the list is full).</summary>
    public void Add(string warning)
    {
        if (_items.Count > MaxListed || _items.Contains(warning))
        {
            return;
        }

        _items.Add(_items.Count == MaxListed ? "more warnings of this kind were left out." : warning);
    }

    public IEnumerator<string> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// One data record of an export as read: a post, a day of account series, or a rejected record with where and why.
/// A reader yields at most one row per data record (totals and note rows yield none), so counting rows counts the
/// file's own rows.
/// </summary>
/// <param name="Line">1-based physical line (or sheet row) where the record starts.</param>
public abstract record ExportRow(int Line);

public sealed record PostRow(int Line, CanonicalPost Post) : ExportRow(Line);

/// <summary>One day of an account series: every metric the record holds for that day (possibly none: all cells empty).</summary>
public sealed record DailyRow(int Line, IReadOnlyList<DailyMetric> Values) : ExportRow(Line);

/// <param name="Line">1-based line (or spreadsheet row) in the file.</param>
/// <param name="Column">1-based column, when the problem is in one cell.</param>
/// <param name="Message">What was wrong and what was expected, e.g. "Views: expected a number, found 'abc'".</param>
public sealed record RejectedRow(int Line, int? Column, string Message) : ExportRow(Line);
