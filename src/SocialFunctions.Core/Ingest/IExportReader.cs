using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// One native export format: recognises itself from a probe of the file's content and streams the file's rows
/// as canonical records. Readers never hold a whole file or all its rows in memory.
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
/// <param name="ReceivedAt">Upload time: the reference for inferring missing years (TikTok).</param>
/// <param name="UploadId">Content hash of the file, stamped on every record.</param>
public sealed record ExportContext(string Brand, TimeZoneInfo BrandTimeZone, DateTimeOffset ReceivedAt, string UploadId);

/// <summary>A row read from an export: a post, a daily value, or a rejected row with where and why.</summary>
public abstract record ExportRow(int Line);

public sealed record PostRow(int Line, CanonicalPost Post) : ExportRow(Line);

public sealed record DailyRow(int Line, DailyMetric Value) : ExportRow(Line);

/// <param name="Line">1-based line (or spreadsheet row) in the file.</param>
/// <param name="Column">1-based column, when the problem is in one cell.</param>
/// <param name="Message">What was wrong and what was expected, e.g. "Views: expected a number, found 'abc'".</param>
public sealed record RejectedRow(int Line, int? Column, string Message) : ExportRow(Line);
