namespace SocialFunctions.Core.Ingest;

/// <summary>
/// A file that cannot be read at all (unknown format, missing required header, cut off, not a spreadsheet).
/// Carries where: the edge maps it to a 4xx problem with these fields, never a 500.
/// </summary>
public sealed class ExportFormatException : Exception
{
    public ExportFormatException(string fileName, int? line, int? column, string message)
        : base(Describe(fileName, line, column, message))
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Reason = message;
    }

    public ExportFormatException()
        : this("(unknown)", null, null, "The export could not be read.")
    {
    }

    public ExportFormatException(string message)
        : this("(unknown)", null, null, message)
    {
    }

    public ExportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "(unknown)";
        Reason = message;
    }

    public string FileName { get; } = "(unknown)";

    public int? Line { get; }

    public int? Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>Headers seen in the file, for "unknown format" errors.</summary>
    public IReadOnlyList<string> HeadersSeen { get; init; } = [];

    /// <summary>The known format whose headers are closest to the ones seen, for "unknown format" errors.</summary>
    public string? ClosestFormat { get; init; }

    /// <summary>Set when the file is a known export the report does not use (answered by name, not as "unknown").</summary>
    public KnownExport? KnownExport { get; init; }

    private static string Describe(string fileName, int? line, int? column, string message)
    {
        var where = fileName;
        if (line is not null)
        {
            where += $", line {line}";
        }

        if (column is not null)
        {
            where += $", column {column}";
        }

        return $"{where}: {message}";
    }
}
