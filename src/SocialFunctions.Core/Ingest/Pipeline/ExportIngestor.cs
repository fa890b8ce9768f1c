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

    public async Task<IngestOutcome> IngestAsync(BrandName brand, ExportFile file, string uploadId, CancellationToken cancellationToken)
    {
        var previous = await uploads.GetAsync(brand, uploadId, cancellationToken);
        if (previous is not null && previous.Status != UploadStatus.Rejected)
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
        var receivedAt = timeProvider.GetUtcNow();
        var record = new UploadRecord
        {
            Brand = brand,
            UploadId = uploadId,
            FileName = file.FileName,
            ReceivedAt = receivedAt,
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
            record = record with { Errors = [new UploadError(ex.Line, ex.Column, ex.Reason)] };
            await uploads.SaveAsync(record, cancellationToken);
            return new IngestOutcome(record, Duplicate: false);
        }

        record = record with { Format = reader.Format.Name, Channel = reader.Format.Channel, Kind = reader.Format.Kind };
        var tally = new RowTally(settings.Clock);
        var seriesRules = new SeriesAssigner(settings.SeriesRules);
        var context = new ExportContext(brand, zone, receivedAt, uploadId);
        await using var writer = records.OpenWriter();
        try
        {
            await foreach (var row in reader.ReadAsync(probe, context, cancellationToken))
            {
                switch (row)
                {
                    case PostRow post:
                        var assigned = seriesRules.Assign(post.Post);
                        await writer.WriteAsync(assigned, cancellationToken);
                        tally.Accept(assigned);
                        break;
                    case DailyRow daily:
                        await writer.WriteAsync(daily.Value, cancellationToken);
                        tally.Accept(daily.Value);
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
            tally.Reject(new UploadError(ex.Line, ex.Column, ex.Reason));
        }
        catch (Exception ex) when (ex is InvalidDataException || Spreadsheets.Workbook.IsReaderFailure(ex))
        {
            // Corrupt compressed data or a broken workbook discovered mid-read (the file opened fine).
            tally.Reject(new UploadError(null, null, $"the file is damaged after row {tally.Accepted + tally.Rejected}: {ex.Message}"));
        }

        await writer.CompleteAsync(cancellationToken);
        if (tally.Accepted == 0 && tally.Rejected == 0)
        {
            tally.Reject(new UploadError(null, null, $"{reader.Format.DisplayName}: the file has a header but no data rows."));
        }

        record = record with
        {
            Status = tally.Accepted == 0 ? UploadStatus.Rejected : tally.Rejected == 0 ? UploadStatus.Accepted : UploadStatus.Partial,
            RowsAccepted = tally.Accepted,
            RowsRejected = tally.Rejected,
            Errors = tally.Errors,
            From = tally.From,
            To = tally.To,
            Channel = record.Channel ?? tally.SingleChannel,
        };
        await uploads.SaveAsync(record, cancellationToken);
        return new IngestOutcome(record, Duplicate: false);
    }

    /// <summary>Counts rows and tracks the dates a file covers, in the brand's zone.</summary>
    private sealed class RowTally(BrandClock clock)
    {
        private readonly List<UploadError> _errors = [];
        private readonly HashSet<string> _channels = new(StringComparer.Ordinal);

        public int Accepted { get; private set; }

        public int Rejected { get; private set; }

        public DateOnly? From { get; private set; }

        public DateOnly? To { get; private set; }

        public IReadOnlyList<UploadError> Errors => _errors;

        public string? SingleChannel => _channels.Count == 1 ? _channels.First() : null;

        public void Accept(CanonicalPost post)
        {
            Accepted++;
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

        public void Accept(DailyMetric value)
        {
            Accepted++;
            _channels.Add(value.Channel);
            Cover(value.Date);
        }

        public void Reject(UploadError error)
        {
            Rejected++;
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
