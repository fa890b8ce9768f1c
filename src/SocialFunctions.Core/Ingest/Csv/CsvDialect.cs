namespace SocialFunctions.Core.Ingest.Csv;

/// <summary>How a delimited text file is written: its delimiter, whether numbers use decimal commas, and whether
/// line 1 is Excel's <c>sep=</c> hint (Meta daily files).</summary>
/// <param name="Delimiter"><c>,</c>, <c>;</c> (European re-saves) or tab.</param>
/// <param name="DecimalComma">Numbers write <c>12,5</c>; used only to resolve <c>1,234</c>/<c>1.234</c> ambiguity.</param>
/// <param name="HasSepLine">Line 1 is <c>sep=X</c> and carries no data.</param>
public sealed record CsvDialect(char Delimiter, bool DecimalComma, bool HasSepLine)
{
    public static CsvDialect Default { get; } = new(',', false, false);

    /// <summary>
    /// Detects the dialect from the start of the file: an explicit <c>sep=</c> line wins; otherwise the candidate
    /// (<c>,</c> <c>;</c> tab) seen most often outside quotes in the first lines. A <c>;</c> file is a European
    /// re-save, which writes decimal commas.
    /// </summary>
    public static CsvDialect Detect(string headText)
    {
        ArgumentNullException.ThrowIfNull(headText);
        var text = headText.AsSpan().TrimStart('\uFEFF');
        var firstLineEnd = text.IndexOfAny('\r', '\n');
        var firstLine = (firstLineEnd < 0 ? text : text[..firstLineEnd]).Trim('"');

        // Excel's hint, also as "sep=<TAB>" (Meta's tab-separated UTF-16 files): the character after '=' is the delimiter.
        if (firstLine.Length >= 5 && firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && firstLine[5..].Trim('"').IsWhiteSpace())
        {
            var sep = firstLine[4];
            return new CsvDialect(sep, sep == ';', true);
        }

        int commas = 0, semicolons = 0, tabs = 0, lines = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case ',' when !inQuotes:
                    commas++;
                    break;
                case ';' when !inQuotes:
                    semicolons++;
                    break;
                case '\t' when !inQuotes:
                    tabs++;
                    break;
                case '\n' when !inQuotes:
                    lines++;
                    break;
            }

            if (lines >= 20)
            {
                break;
            }
        }

        if (semicolons > commas && semicolons >= tabs)
        {
            return new CsvDialect(';', true, false);
        }

        if (tabs > commas && tabs > semicolons)
        {
            return new CsvDialect('\t', false, false);
        }

        return Default;
    }
}
