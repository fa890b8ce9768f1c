using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>A delimited-text table (a bare CSV or a zip entry) over <see cref="CsvReader"/>; a <c>sep=</c> line is skipped.</summary>
internal sealed class CsvTable : ExportTable
{
    private readonly CsvReader _csv;
    private bool _started;

    public CsvTable(TextReader text, string fileName, string? part, CsvDialect dialect)
        : base(fileName, part, dialect)
    {
        _csv = new CsvReader(text, dialect.Delimiter, ownsReader: true, fileName: fileName);
    }

    public override int FieldCount => _csv.FieldCount;

    public override int Line => _csv.Line;

    public override bool IsTruncated => _csv.IsTruncated;

    public override int TruncatedField => _csv.TruncatedField;

    public override int TruncatedLine => _csv.TruncatedLine;

    public override ReadOnlySpan<char> GetSpan(int field) => _csv.GetSpan(field);

    public override int GetFieldLine(int field) => _csv.GetFieldLine(field);

    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken) =>
        _started ? _csv.ReadAsync(cancellationToken) : FirstReadAsync(cancellationToken);

    private async ValueTask<bool> FirstReadAsync(CancellationToken cancellationToken)
    {
        _started = true;
        if (Dialect.HasSepLine && !await _csv.ReadAsync(cancellationToken))
        {
            return false;
        }

        return await _csv.ReadAsync(cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }

        // Stryker disable once Statement : equivalent, ExportTable.Dispose(bool) holds nothing to release
        base.Dispose(disposing);
    }
}
