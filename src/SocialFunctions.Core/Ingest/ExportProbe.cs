using System.Text;

namespace SocialFunctions.Core.Ingest;

/// <summary>What a file is made of, read once from its first bytes; readers decide from this whether they match.</summary>
public enum ExportContainer
{
    /// <summary>No bytes, or only whitespace.</summary>
    Empty,

    /// <summary>Delimited text (CSV, semicolon re-saves, TSV) in a detected encoding.</summary>
    Text,

    /// <summary>A zip archive: an .xlsx workbook, or an export zip (TikTok, YouTube).</summary>
    Zip,

    /// <summary>An OLE2 compound file: a legacy .xls workbook.</summary>
    Ole2,

    /// <summary>An HTML page (typically an error page saved as .csv).</summary>
    Html,

    /// <summary>Anything else that is not text.</summary>
    Binary,
}

/// <summary>The first look at an uploaded file, shared by all readers (see ExportProbe.Create.cs for how it is made).</summary>
public sealed partial class ExportProbe
{
    public required ExportFile File { get; init; }

    public required ExportContainer Container { get; init; }

    /// <summary>For text: the detected encoding (BOM, UTF-16 without BOM, UTF-8, else Windows-1252).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>For text: the decoded start of the file (up to ~64 KB), BOM removed.</summary>
    public string HeadText { get; init; } = string.Empty;

    /// <summary>For binary: what the file is when its first bytes say so (<see cref="FileSignatures.Describe"/>), else null.</summary>
    public string? BinaryKind { get; init; }

    /// <summary>For zip: the entry names, in archive order.</summary>
    public IReadOnlyList<string> ZipEntries { get; init; } = [];

    /// <summary>
    /// For a sheet view (<see cref="ForSheet"/>): the workbook sheet that stands for the text file; null for the upload
    /// itself. Text readers read it as they read a CSV: <see cref="Csv"/> previews its first rows and
    /// <see cref="Tables.ExportTables.Text"/> opens it.
    /// </summary>
    public Tables.SheetPreview? Sheet { get; private init; }
}
