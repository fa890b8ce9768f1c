using System.Globalization;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Pipeline;

/// <summary>
/// Ingests one uploaded file: archive it as it arrived, recognise its format, stream its rows into the record store
/// (series assigned by the brand's rules), and log the outcome. The same content twice is recognised by its hash and
/// changes nothing.
/// </summary>
public sealed class ExportIngestor(
    IRecordStore records,
    IUploadLog uploads,
    IRawExportArchive archive,
    IBrandSettingsStore brands,
    ExportFormatDetector detector,
    TimeProvider timeProvider)
{
    /// <summary>How many row errors an outcome lists; the count of rejected rows is always complete.</summary>
    public const int MaxListedErrors = 100;

    public Task<IngestOutcome> IngestAsync(BrandName brand, ExportFile file, string uploadId, CancellationToken cancellationToken) =>
        IngestAsync(brand, file, uploadId, UploadHints.None, cancellationToken);

    public async Task<IngestOutcome> IngestAsync(BrandName brand, ExportFile file, string uploadId, UploadHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var previous = await uploads.GetAsync(brand, uploadId, cancellationToken);
        if (previous is not null && previous.Status is UploadStatus.Accepted or UploadStatus.Partial)
        {
            return new IngestOutcome(previous, Duplicate: true);
        }

        // Archive first: whatever happens next, the file as the user sent it is kept.
        await using (var content = file.OpenRead())
        {
            await archive.ArchiveAsync(brand, uploadId, file.FileName, content, cancellationToken);
        }

        var settings = await brands.GetAsync(brand, cancellationToken) ?? BrandSettings.CreateDefault(brand);
        var zone = settings.Clock.Zone;
        // A file sent again after an attempt that was cut off (or refused) is the next attempt of the same record, and
        // keeps the first attempt's time: the rows it writes are then exactly the rows the first attempt wrote (same
        // years inferred, same version), so what that attempt stored is recognised and completed, never doubled.
        var now = timeProvider.GetUtcNow();
        var receivedAt = previous?.ReceivedAt ?? now;
        var record = new UploadRecord
        {
            Brand = brand,
            UploadId = uploadId,
            FileName = file.FileName,
            ReceivedAt = receivedAt,
            LastAttemptAt = now,
            Attempts = (previous?.Attempts ?? 0) + 1,
            SizeBytes = file.Length,
            Status = UploadStatus.Rejected,
        };

        IExportReader reader;
        ExportProbe probe;
        try
        {
            probe = await ExportProbe.CreateAsync(file, cancellationToken);
            reader = detector.Detect(probe);
        }
        catch (ExportFormatException ex)
        {
            // A known export the report does not use is named (format and channel), not left "unknown".
            record = record with
            {
                Format = ex.KnownExport?.Name,
                Channel = ex.KnownExport?.Channel,
                Errors = [new UploadError(ex.Line, ex.Column, ex.Reason)],
            };
            await uploads.SaveAsync(record, cancellationToken);
            return new IngestOutcome(record, Duplicate: false);
        }

        record = record with { Format = reader.Format.Name, Channel = reader.Format.Channel, Kind = reader.Format.Kind };

        // Written before any row: if this attempt dies half-way, the record says so and counts it.
        await uploads.SaveAsync(record with { Status = UploadStatus.InProgress }, cancellationToken);
        var tally = new RowTally(settings.Clock);
        var seriesRules = new SeriesAssigner(settings.SeriesRules);
        var context = new ExportContext(brand, zone, receivedAt, uploadId) { ExportedOn = hints.ExportedOn, ChannelHint = hints.Channel };
        await using var writer = records.OpenWriter();
        try
        {
            await foreach (var row in reader.ReadAsync(probe, context, cancellationToken))
            {
                switch (row)
                {
                    case PostRow post:
                        if (post.Post.Text is { Length: > CanonicalPost.MaxStoredTextLength } text)
                        {
                            context.Warnings.Add(string.Create(CultureInfo.InvariantCulture, $"line {post.Line}: the post text has {text.Length:N0} characters; only the first {CanonicalPost.MaxStoredTextLength:N0} are stored."));
                        }

                        var assigned = seriesRules.Assign(post.Post);
                        await writer.WriteAsync(assigned, cancellationToken);
                        tally.Accept(assigned);
                        break;
                    case DailyRow daily:
                        foreach (var value in daily.Values)
                        {
                            await writer.WriteAsync(value, cancellationToken);
                        }

                        tally.Accept(daily);
                        break;
                    case RejectedRow rejected:
                        tally.Reject(new UploadError(rejected.Line, rejected.Column, rejected.Message));
                        break;
                }
            }
        }
        catch (ExportFormatException ex)
        {
            // Rows read before the failure are kept (and reported): the outcome says partial, never silently.
            tally.Fail(new UploadError(ex.Line, ex.Column, ex.Reason));
        }
        catch (Exception ex) when (ex is InvalidDataException || Spreadsheets.Workbook.IsReaderFailure(ex))
        {
            // Corrupt compressed data or a broken workbook discovered mid-read (the file opened fine).
            tally.Fail(new UploadError(null, null, $"the file is damaged after row {tally.Accepted + tally.Rejected}: {ex.Message}"));
        }

        await writer.CompleteAsync(cancellationToken);
        if (tally.Accepted == 0 && tally.Rejected == 0 && !tally.Failed)
        {
            tally.Fail(new UploadError(null, null, $"{reader.Format.DisplayName}: the file has a header but no data rows."));
        }

        record = record with
        {
            Status = tally.Accepted == 0 ? UploadStatus.Rejected : tally.Rejected == 0 && !tally.Failed ? UploadStatus.Accepted : UploadStatus.Partial,
            RowsAccepted = tally.Accepted,
            RowsRejected = tally.Rejected,
            EntitiesStored = tally.Entities,
            Warnings = [.. context.Warnings],
            Errors = tally.Errors,
            From = tally.From,
            To = tally.To,
            Channel = record.Channel ?? tally.SingleChannel,
        };
        await uploads.SaveAsync(record, cancellationToken);
        return new IngestOutcome(record, Duplicate: false);
    }

    /// <summary>Counts the file's data rows and the records stored from them, and tracks the dates covered, in the brand's zone.</summary>
    private sealed class RowTally(BrandClock clock)
    {
        private readonly List<UploadError> _errors = [];
        private readonly HashSet<string> _channels = new(StringComparer.Ordinal);

        public int Accepted { get; private set; }

        public int Rejected { get; private set; }

        public int Entities { get; private set; }

        public DateOnly? From { get; private set; }

        public DateOnly? To { get; private set; }

        public IReadOnlyList<UploadError> Errors => _errors;

        public string? SingleChannel => _channels.Count == 1 ? _channels.First() : null;

        public void Accept(CanonicalPost post)
        {
            Accepted++;
            Entities++;
            _channels.Add(post.Channel);
            if (post.Kind == ExportKind.Range && post.RangeFrom is { } from && post.RangeTo is { } to)
            {
                Cover(from);
                Cover(to);
            }
            else
            {
                Cover(clock.LocalDate(post.PublishedAt));
            }
        }

        public void Accept(DailyRow day)
        {
            Accepted++;
            foreach (var value in day.Values)
            {
                Entities++;
                _channels.Add(value.Channel);
                Cover(value.Date);
            }
        }

        /// <summary>True when the file could not be read to its end: a file-level error, not a rejected row.</summary>
        public bool Failed { get; private set; }

        public void Reject(UploadError error)
        {
            Rejected++;
            List(error);
        }

        public void Fail(UploadError error)
        {
            Failed = true;
            List(error);
        }

        private void List(UploadError error)
        {
            if (_errors.Count < MaxListedErrors)
            {
                _errors.Add(error);
            }
        }

        private void Cover(DateOnly date)
        {
            From = From is null || date < From ? date : From;
            To = To is null || date > To ? date : To;
        }
    }
}
