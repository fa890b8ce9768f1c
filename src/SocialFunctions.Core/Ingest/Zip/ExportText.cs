using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Ingest.Zip;

/// <summary>
/// The CSV text of an export that is either the uploaded file itself or one entry of an uploaded zip, so one reader
/// handles both (TikTok and YouTube ship the same CSV bare or zipped).
/// </summary>
internal static class ExportText
{
    public const string TruncatedMessage = "file ends inside a quoted field — the download was probably cut off";

    /// <summary>Opens the text as a streaming CSV reader in its detected dialect.</summary>
    public static CsvReader OpenCsv(ExportProbe probe, string? zipEntry, out CsvDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(probe);
        dialect = zipEntry is null && probe.Csv is { } preview ? preview.Dialect : CsvDialect.Detect(HeadText(probe, zipEntry));
        TextReader text = zipEntry is null ? probe.OpenText() : ExportZip.OpenText(probe.File, zipEntry);
        return new CsvReader(text, dialect.Delimiter);
    }

    /// <summary>The start of the text: the probe's head for a bare file, the entry's first line for a zip entry.</summary>
    public static string HeadText(ExportProbe probe, string? zipEntry)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return zipEntry is null
            ? probe.HeadText
            : ExportZip.CsvHeadLines(probe.File).TryGetValue(zipEntry, out var head) ? head : string.Empty;
    }

    /// <summary>The first non-blank record of some text parsed as a header (for Match), or null.</summary>
    public static CsvHeader? FirstHeader(string headText)
    {
        if (string.IsNullOrWhiteSpace(headText))
        {
            return null;
        }

        var dialect = CsvDialect.Detect(headText);
        using var csv = new CsvReader(new StringReader(headText), dialect.Delimiter);
        while (csv.Read())
        {
            if (dialect.HasSepLine && csv.Line == 1)
            {
                continue;
            }

            if (!csv.IsBlank)
            {
                return CsvHeader.From(csv);
            }
        }

        return null;
    }

    /// <summary>The rejection for a record cut off inside a quoted field: where the quote opened.</summary>
    public static RejectedRow Truncated(CsvReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return new RejectedRow(csv.TruncatedLine, csv.TruncatedField + 1, TruncatedMessage);
    }
}
