using System.Runtime.CompilerServices;

namespace SocialFunctions.Core.Ingest.Csv;

/// <summary>
/// Base for delimited-text formats: matches on the probe's <see cref="CsvPreview"/>, streams the file through a
/// <see cref="CsvReader"/> in the detected dialect (skipping a <c>sep=</c> line), turns a cut-off last record into a
/// <see cref="RejectedRow"/>, skips blank lines, and hands every other record to the format's <see cref="CsvRowMapper"/>.
/// A format implements <see cref="Match(CsvPreview)"/> and <see cref="BindAsync"/> (read the header, find columns, throw
/// <see cref="ExportFormatException"/> when a required one is missing, return the mapper).
/// </summary>
public abstract class CsvExportReader : IExportReader
{
    /// <summary>The message for a file cut off inside a quoted field.</summary>
    public const string TruncatedMessage = "file ends inside a quoted field — the download was probably cut off";

    public abstract ExportFormatInfo Format { get; }

    public double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return probe.Csv is { Records.Count: > 0 } preview ? Match(preview) : 0;
    }

    public async IAsyncEnumerable<ExportRow> ReadAsync(
        ExportProbe probe,
        ExportContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(context);
        var preview = probe.Csv
            ?? throw new ExportFormatException(probe.File.FileName, null, null, $"not a text file; {Format.DisplayName} exports are CSV");
        using var csv = new CsvReader(probe.OpenText(), preview.Dialect.Delimiter, ownsReader: true, fileName: probe.File.FileName);
        if (preview.Dialect.HasSepLine)
        {
            await csv.ReadAsync(cancellationToken);
        }

        var session = new CsvReadSession(probe, context, preview.Dialect, csv);
        var mapper = await BindAsync(session, cancellationToken);
        var output = new List<ExportRow>(16);
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsTruncated)
            {
                yield return new RejectedRow(csv.TruncatedLine, csv.TruncatedField + 1, TruncatedMessage);
                continue;
            }

            if (csv.IsBlank)
            {
                continue;
            }

            output.Clear();
            mapper.Map(csv, output);
            foreach (var row in output)
            {
                yield return row;
            }
        }
    }

    /// <summary>Confidence 0–1 from the first records; 0 when certainly not this format.</summary>
    protected abstract double Match(CsvPreview preview);

    /// <summary>Reads the header (and any preamble) from <see cref="CsvReadSession.Csv"/> and returns the row mapper.</summary>
    protected abstract ValueTask<CsvRowMapper> BindAsync(CsvReadSession session, CancellationToken cancellationToken);
}

/// <summary>Turns one data record into zero or more rows (a daily overview record yields one row per metric).</summary>
public abstract class CsvRowMapper
{
    public abstract void Map(CsvReader record, List<ExportRow> output);
}

/// <summary>What a format needs while binding: the file, the upload context, the dialect and the reader.</summary>
public sealed class CsvReadSession(ExportProbe probe, ExportContext context, CsvDialect dialect, CsvReader csv)
{
    public ExportProbe Probe { get; } = probe;

    public ExportContext Context { get; } = context;

    public CsvDialect Dialect { get; } = dialect;

    public CsvReader Csv { get; } = csv;

    public string FileName => Probe.File.FileName;

    /// <summary>Reads the next non-blank record as the header; throws when the file has none.</summary>
    public async ValueTask<CsvHeader> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        while (await Csv.ReadAsync(cancellationToken))
        {
            if (Csv.IsTruncated)
            {
                throw new ExportFormatException(FileName, Csv.TruncatedLine, Csv.TruncatedField + 1, CsvExportReader.TruncatedMessage);
            }

            if (!Csv.IsBlank)
            {
                return CsvHeader.From(Csv);
            }
        }

        throw new ExportFormatException(FileName, null, null, "the file has no header row");
    }
}
