using System.Runtime.CompilerServices;
using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>
/// The one template of every reader: opens the format's tables (<see cref="OpenTables"/>: the CSV itself by default,
/// or zip entries, or workbook sheets), lets the format bind each table's header to a <see cref="TableRowMapper"/>,
/// then streams the records through it — a record cut off inside a quote becomes a <see cref="RejectedRow"/> and blank
/// lines are skipped, here and nowhere else. Each data record of the file yields at most one row, so row counts are
/// the file's own.
/// </summary>
public abstract class TableExportReader : IExportReader
{
    /// <summary>The message for a file cut off inside a quoted field.</summary>
    public const string TruncatedMessage = "file ends inside a quoted field — the download was probably cut off";

    public abstract ExportFormatInfo Format { get; }

    /// <summary>Default: a text file whose preview <see cref="Match(CsvPreview)"/> accepts.</summary>
    public virtual double Match(ExportProbe probe)
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
        foreach (var table in OpenTables(probe))
        {
            using (table)
            {
                var session = new TableSession(probe, context, table);
                var mapper = await BindAsync(session, cancellationToken);
                if (mapper is null)
                {
                    continue;
                }

                while (await table.ReadAsync(cancellationToken))
                {
                    if (table.IsTruncated)
                    {
                        yield return new RejectedRow(table.TruncatedLine, table.TruncatedField + 1, TruncatedMessage);
                        continue;
                    }

                    if (table.IsBlank)
                    {
                        continue;
                    }

                    if (mapper.Map(table) is { } row)
                    {
                        yield return row;
                    }
                }

                foreach (var row in mapper.Complete())
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>Confidence 0–1 from the first records of a text file; 0 when certainly not this format.</summary>
    protected virtual double Match(CsvPreview preview) => 0;

    /// <summary>The tables this format reads, in order; by default the uploaded text file itself.</summary>
    protected virtual IEnumerable<ExportTable> OpenTables(ExportProbe probe)
    {
        yield return ExportTables.Text(probe);
    }

    /// <summary>
    /// Reads a table's header (and any preamble) and returns its mapper; null skips the table (a sheet or entry
    /// the format does not use). Throws <see cref="ExportFormatException"/> when a required column is missing.
    /// </summary>
    protected abstract ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken);
}

/// <summary>Turns each data record of a table into one row (a post, a day, a rejection) or none (a totals or note row).</summary>
public abstract class TableRowMapper
{
    public abstract ExportRow? Map(ExportTable record);

    /// <summary>Rows held back until the table ends (a grouped LinkedIn post, a year-less day series); none by default.</summary>
    public virtual IEnumerable<ExportRow> Complete() => [];
}

/// <summary>What a format needs while binding a table: the file, the upload context and the table.</summary>
public sealed class TableSession(ExportProbe probe, ExportContext context, ExportTable table)
{
    public ExportProbe Probe { get; } = probe;

    public ExportContext Context { get; } = context;

    public ExportTable Table { get; } = table;

    public string FileName => Probe.File.FileName;

    /// <summary>Reads the next non-blank record as the header; throws when the table has none.</summary>
    public async ValueTask<TableHeader> ReadHeaderAsync(CancellationToken cancellationToken) =>
        await ReadHeaderAsync(_ => true, int.MaxValue, cancellationToken)
        ?? throw Table.Error(null, null, "the file has no header row");

    /// <summary>
    /// The first of the next <paramref name="within"/> non-blank records that <paramref name="isHeader"/> accepts (notes
    /// and preambles above a header are skipped); null when none does.
    /// </summary>
    public async ValueTask<TableHeader?> ReadHeaderAsync(Func<TableHeader, bool> isHeader, int within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isHeader);
        var seen = 0;
        while (seen < within && await Table.ReadAsync(cancellationToken))
        {
            if (Table.IsTruncated)
            {
                throw Table.Error(Table.TruncatedLine, Table.TruncatedField + 1, TableExportReader.TruncatedMessage);
            }

            if (Table.IsBlank)
            {
                continue;
            }

            seen++;
            var header = TableHeader.From(Table);
            if (isHeader(header))
            {
                return header;
            }
        }

        return null;
    }
}
