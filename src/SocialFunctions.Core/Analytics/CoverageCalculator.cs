using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Which days the accepted uploads cover per channel, from the upload log's From/To. The channel table rests on post
/// exports (snapshots and range aggregates), so only those close gaps; a channel that has only daily account exports
/// (e.g. Pinterest) is covered by those. Rejected uploads cover nothing. A gap is a run of days of the month no such
/// upload covers: a "drop" there may be a missing file, so insights skip or caveat the channel.
/// <para>
/// A lifetime-snapshot export's From/To are the dates of its first and last post, not the range the user chose, so a
/// quiet day or two at either end is not missing data. Such an upload is taken to cover
/// <see cref="PostExportEdgeDays"/> more days on each side (never past the day it was received); a longer quiet
/// stretch stays a gap. Range and daily exports state their own range and get no slack.
/// </para>
/// </summary>
public sealed class CoverageCalculator
{
    /// <summary>Days a lifetime-snapshot export is taken to cover beyond its first and last post.</summary>
    public const int PostExportEdgeDays = 3;

    private readonly ILookup<string, UploadRecord> _byChannel;

    public CoverageCalculator(IEnumerable<UploadRecord> uploads)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        _byChannel = uploads
            .Where(u => u.Channel is not null && u.Status != UploadStatus.Rejected && u.From is not null && u.To is not null)
            .ToLookup(u => u.Channel!, StringComparer.Ordinal);
    }

    public IEnumerable<string> Channels => _byChannel.Select(g => g.Key);

    public ChannelCoverage For(string channel, ReportMonth month)
    {
        var uploads = _byChannel[channel].ToList();
        var listed = uploads
            .Where(u => u.From <= month.LastDay && u.To >= month.FirstDay)
            .OrderBy(u => u.From).ThenBy(u => u.To).ThenBy(u => u.FileName, StringComparer.Ordinal)
            .Select(u => new CoveredRange { FileName = u.FileName, Format = u.Format ?? "unknown", From = u.From, To = u.To })
            .ToList();

        var postLevel = uploads.Where(u => u.Kind is not ExportKind.Daily).ToList();
        var counting = postLevel.Count > 0 ? postLevel : uploads;
        var covered = new bool[month.Days];
        foreach (var upload in counting)
        {
            var (start, end) = Covers(upload);
            var from = Max(start, month.FirstDay);
            var to = Min(end, month.LastDay);
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                covered[day.Day - 1] = true;
            }
        }

        return new ChannelCoverage
        {
            Channel = channel,
            Uploads = listed,
            Gaps = Runs(covered, month),
            DaysInMonth = month.Days,
            CoveredDays = covered.Count(c => c),
        };
    }

    private static (DateOnly From, DateOnly To) Covers(UploadRecord upload)
    {
        if (upload.Kind is not ExportKind.Posts)
        {
            return (upload.From!.Value, upload.To!.Value);
        }

        var received = DateOnly.FromDateTime(upload.ReceivedAt.UtcDateTime);
        var to = upload.To!.Value.AddDays(PostExportEdgeDays);
        return (upload.From!.Value.AddDays(-PostExportEdgeDays), Max(upload.To.Value, Min(to, received)));
    }

    private static List<DateRange> Runs(bool[] covered, ReportMonth month)
    {
        var gaps = new List<DateRange>();
        for (var i = 0; i < covered.Length; i++)
        {
            if (covered[i])
            {
                continue;
            }

            var start = i;
            while (i + 1 < covered.Length && !covered[i + 1])
            {
                i++;
            }

            gaps.Add(new DateRange(month.FirstDay.AddDays(start), month.FirstDay.AddDays(i)));
        }

        return gaps;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
