using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Ingest.Csv;

/// <summary>
/// The first records of a text file, parsed once from the probe's head so every reader's <c>Match</c> can look at
/// headers cheaply. Records after a <c>sep=</c> line keep their physical line numbers.
/// </summary>
public sealed class CsvPreview
{
    /// <summary>How many records a preview keeps (enough for preambles: Pinterest, GA4 comments, Meta's metric line).</summary>
    public const int MaxRecords = 16;

    private CsvPreview(CsvDialect dialect, IReadOnlyList<CsvPreviewRecord> records)
    {
        Dialect = dialect;
        Records = records;
    }

    public CsvDialect Dialect { get; }

    /// <summary>A preview of records read elsewhere (a workbook sheet's first rows), in <paramref name="dialect"/>.</summary>
    internal static CsvPreview Of(CsvDialect dialect, IReadOnlyList<CsvPreviewRecord> records) => new(dialect, records);

    /// <summary>The first non-blank records (the <c>sep=</c> line excluded), in file order.</summary>
    public IReadOnlyList<CsvPreviewRecord> Records { get; }

    public static CsvPreview Parse(string headText)
    {
        ArgumentNullException.ThrowIfNull(headText);
        var dialect = CsvDialect.Detect(headText);
        var records = new List<CsvPreviewRecord>();
        using var csv = new CsvReader(new StringReader(headText), dialect.Delimiter);
        var first = true;
        while (records.Count < MaxRecords && csv.Read())
        {
            if (first && dialect.HasSepLine)
            {
                first = false;
                continue;
            }

            first = false;
            if (csv.IsBlank)
            {
                continue;
            }

            records.Add(new CsvPreviewRecord(csv.Line, csv.GetFields()));
        }

        return new CsvPreview(dialect, records);
    }

    /// <summary>The first record (within <paramref name="within"/>) whose header satisfies <paramref name="test"/>.</summary>
    public TableHeader? FindHeader(Func<TableHeader, bool> test, int within = 1)
    {
        ArgumentNullException.ThrowIfNull(test);
        for (var i = 0; i < Records.Count && i < within; i++)
        {
            var header = new TableHeader(Records[i].Fields, Records[i].Line);
            if (test(header))
            {
                return header;
            }
        }

        return null;
    }

    /// <summary>The record that most looks like a header (most fields among the first few), for error messages.</summary>
    public IReadOnlyList<string> LikelyHeader()
    {
        CsvPreviewRecord? best = null;
        for (var i = 0; i < Records.Count && i < 6; i++)
        {
            if (best is null || Records[i].Fields.Length > best.Fields.Length)
            {
                best = Records[i];
            }
        }

        return best?.Fields ?? [];
    }
}

/// <param name="Line">1-based physical line where the record starts.</param>
/// <param name="Fields">The record's fields, unescaped.</param>
public sealed record CsvPreviewRecord(int Line, string[] Fields);
