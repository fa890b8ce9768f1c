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
            // Accepted or partly accepted: an upload cut off mid-way (in-progress) or refused covers nothing.
            .Where(u => u.Channel is not null && u.Status is UploadStatus.Accepted or UploadStatus.Partial && u.From is not null && u.To is not null)
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

        var covered = CoveredDays(channel, month.FirstDay, month.LastDay);
        return new ChannelCoverage
        {
            Channel = channel,
            Uploads = listed,
            Gaps = Runs(covered, month.FirstDay, value: false),
            DaysInMonth = month.Days,
            CoveredDays = covered.Count(c => c),
        };
    }

    /// <summary>
    /// Which days of [<paramref name="from"/>, <paramref name="to"/>] the channel's exports cover (index 0 is
    /// <paramref name="from"/>), by the rules above: post-level exports when the channel has any, else its daily ones.
    /// </summary>
    public bool[] CoveredDays(string channel, DateOnly from, DateOnly to)
    {
        var covered = new bool[Math.Max(0, to.DayNumber - from.DayNumber + 1)];
        foreach (var upload in Counting(channel))
        {
            var (start, end) = Covers(upload);
            for (var day = Max(start, from); day <= Min(end, to); day = day.AddDays(1))
            {
                covered[day.DayNumber - from.DayNumber] = true;
            }
        }

        return covered;
    }

    /// <summary>The last day any of the channel's exports covers (by the rules above), or null when none covers a day.</summary>
    public DateOnly? LastCoveredDay(string channel) =>
        Counting(channel).Select(u => (DateOnly?)Covers(u).To).Max();

    private List<UploadRecord> Counting(string channel)
    {
        var uploads = _byChannel[channel].ToList();
        var postLevel = uploads.Where(u => u.Kind is not ExportKind.Daily).ToList();
        return postLevel.Count > 0 ? postLevel : uploads;
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

    /// <summary>The runs of days whose flag equals <paramref name="value"/>, as date ranges from <paramref name="first"/>.</summary>
    public static IReadOnlyList<DateRange> Runs(bool[] days, DateOnly first, bool value)
    {
        var runs = new List<DateRange>();
        for (var i = 0; i < days.Length; i++)
        {
            if (days[i] != value)
            {
                continue;
            }

            var start = i;
            while (i + 1 < days.Length && days[i + 1] == value)
            {
                i++;
            }

            runs.Add(new DateRange(first.AddDays(start), first.AddDays(i)));
        }

        return runs;
    }

    // Stryker disable once Equality : `>` → `>=` is equivalent (equal dates give the same answer); `<` is killed
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // Stryker disable once Equality : `<` → `<=` is equivalent (equal dates give the same answer); `>` is killed
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
