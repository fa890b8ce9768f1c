namespace SocialFunctions.Core.Ingest.Csv;

/// <summary>
/// A small RFC 4180 tokenizer over a <see cref="TextReader"/> that streams one record at a time and knows the exact
/// physical line of every record and field (multi-line quoted captions included), so errors can name them.
/// </summary>
/// <remarks>
/// Lenient where real exports are sloppy: a quote inside an unquoted field is literal, text after a closing quote is
/// kept, lines may end in CRLF, LF or CR. A file that ends inside a quoted field yields a last record with
/// <see cref="IsTruncated"/> set (the download was cut off) instead of throwing.
/// Usage: <c>while (await csv.ReadAsync(ct)) { var id = csv.GetString(0); … }</c>; spans returned by
/// <see cref="GetSpan"/> are valid until the next read.
/// </remarks>
public sealed class CsvReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>No real record comes near this; a longer one is a stray quote swallowing the file, refused before it eats memory.</summary>
    public const int MaxRecordChars = 4 * 1024 * 1024;

    private readonly TextReader _reader;
    private readonly string _fileName;
    private readonly bool _ownsReader;
    private char[] _buffer = new char[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _atFileStart = true;
    private int _line;

    private char[] _chars = new char[1024];
    private int _charCount;
    private int[] _fieldStarts = new int[64];
    private int[] _fieldEnds = new int[64];
    private int[] _fieldLines = new int[64];
    private int _fieldCount;

    /// <param name="reader">The decoded text; a BOM at its start is skipped.</param>
    /// <param name="delimiter">Field delimiter (<c>,</c>, <c>;</c> or tab; see <see cref="CsvDialect"/>).</param>
    /// <param name="ownsReader">Dispose <paramref name="reader"/> with this instance.</param>
    /// <param name="fileName">For error messages.</param>
    public CsvReader(TextReader reader, char delimiter, bool ownsReader = true, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _fileName = fileName ?? "(unknown)";
        _ownsReader = ownsReader;
        Delimiter = delimiter;
        _line = 1;
    }

    public char Delimiter { get; }

    /// <summary>Fields in the current record (a blank line is one empty field).</summary>
    public int FieldCount => _fieldCount;

    /// <summary>1-based physical line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The current record ended the file inside a quoted field (the download was probably cut off).</summary>
    public bool IsTruncated { get; private set; }

    /// <summary>When <see cref="IsTruncated"/>: 0-based index of the unterminated field.</summary>
    public int TruncatedField { get; private set; } = -1;

    /// <summary>When <see cref="IsTruncated"/>: 1-based line where the unterminated quote opened.</summary>
    public int TruncatedLine { get; private set; }

    /// <summary>The record is an empty line (or only empty fields), which exports use as section breaks.</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < _fieldCount; i++)
            {
                if (!GetSpan(i).IsWhiteSpace())
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The unescaped value of field <paramref name="field"/> (0-based); empty when the record is shorter.</summary>
    public ReadOnlySpan<char> GetSpan(int field) =>
        (uint)field < (uint)_fieldCount
            ? _chars.AsSpan(_fieldStarts[field], _fieldEnds[field] - _fieldStarts[field])
            : [];

    public string GetString(int field) => GetSpan(field).ToString();

    /// <summary>1-based physical line on which field <paramref name="field"/> starts (multi-line fields move it).</summary>
    public int GetFieldLine(int field) => (uint)field < (uint)_fieldCount ? _fieldLines[field] : Line;

    /// <summary>All fields of the current record as strings (for headers and previews, not for hot loops).</summary>
    public string[] GetFields()
    {
        var fields = new string[_fieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = GetString(i);
        }

        return fields;
    }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_start < _end || _eof)
            {
                if (_start >= _end)
                {
                    return false;
                }

                if (TryParseRecord())
                {
                    return true;
                }
            }

            PrepareFill();
            var read = await _reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            CompleteFill(read);
        }
    }

    /// <summary>Synchronous <see cref="ReadAsync"/>, for in-memory text such as a probe's head.</summary>
    public bool Read()
    {
        while (true)
        {
            if (_start < _end || _eof)
            {
                if (_start >= _end)
                {
                    return false;
                }

                if (TryParseRecord())
                {
                    return true;
                }
            }

            PrepareFill();
            var read = _reader.Read(_buffer.AsSpan(_end));
            CompleteFill(read);
        }
    }

    public void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }

    private void PrepareFill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One record larger than the buffer (a huge caption): grow, it is still only one record.
            if (_buffer.Length >= MaxRecordChars)
            {
                throw new ExportFormatException(
                    _fileName,
                    _line,
                    null,
                    $"the record starting on line {_line} is longer than {MaxRecordChars / (1024 * 1024)} million characters; probably a quote that is never closed");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private void CompleteFill(int read)
    {
        if (read == 0)
        {
            _eof = true;
            return;
        }

        if (_atFileStart)
        {
            _atFileStart = false;
            if (_buffer[_end] == '\uFEFF')
            {
                _start++;
            }
        }

        _end += read;
    }

    /// <summary>Parses one record from the buffer; false when the buffer ends before the record does (and more may come).</summary>
    private bool TryParseRecord()
    {
        var buffer = _buffer;
        var end = _end;
        var pos = _start;
        var line = _line;
        var recordLine = line;
        var truncatedField = -1;
        var truncatedLine = 0;
        _fieldCount = 0;
        _charCount = 0;

        while (true)
        {
            var fieldLine = line;
            var fieldStart = _charCount;
            var unterminated = false;

            if (pos < end && buffer[pos] == '"')
            {
                var quoteLine = line;
                pos++;
                while (true)
                {
                    var span = buffer.AsSpan(pos, end - pos);
                    var i = span.IndexOfAny('"', '\n', '\r');
                    if (i < 0)
                    {
                        if (!_eof)
                        {
                            return false;
                        }

                        Append(span);
                        pos = end;
                        unterminated = true;
                        truncatedLine = quoteLine;
                        break;
                    }

                    Append(span[..i]);
                    pos += i;
                    var c = buffer[pos];
                    if (c == '"')
                    {
                        if (pos + 1 >= end && !_eof)
                        {
                            return false;
                        }

                        if (pos + 1 < end && buffer[pos + 1] == '"')
                        {
                            Append('"');
                            pos += 2;
                            continue;
                        }

                        pos++;
                        break;
                    }

                    if (c == '\n')
                    {
                        Append('\n');
                        pos++;
                    }
                    else
                    {
                        if (pos + 1 >= end && !_eof)
                        {
                            return false;
                        }

                        if (pos + 1 < end && buffer[pos + 1] == '\n')
                        {
                            Append('\r');
                            Append('\n');
                            pos += 2;
                        }
                        else
                        {
                            Append('\r');
                            pos++;
                        }
                    }

                    line++;
                }
            }

            if (unterminated)
            {
                AddField(fieldStart, fieldLine);
                truncatedField = _fieldCount - 1;
                break;
            }

            // Unquoted field, or whatever follows a closing quote up to the delimiter (kept, leniently).
            var rest = buffer.AsSpan(pos, end - pos);
            var j = rest.IndexOfAny(Delimiter, '\n', '\r');
            if (j < 0)
            {
                if (!_eof)
                {
                    return false;
                }

                Append(rest);
                pos = end;
                AddField(fieldStart, fieldLine);
                break;
            }

            Append(rest[..j]);
            pos += j;
            AddField(fieldStart, fieldLine);
            var d = buffer[pos];
            if (d == Delimiter)
            {
                pos++;
                continue;
            }

            if (d == '\r')
            {
                if (pos + 1 >= end && !_eof)
                {
                    return false;
                }

                pos += pos + 1 < end && buffer[pos + 1] == '\n' ? 2 : 1;
            }
            else
            {
                pos++;
            }

            line++;
            break;
        }

        _start = pos;
        _line = line;
        Line = recordLine;
        IsTruncated = truncatedField >= 0;
        TruncatedField = truncatedField;
        TruncatedLine = truncatedLine;
        return true;
    }

    private void Append(char c)
    {
        if (_charCount == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[_charCount++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_charCount + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + text.Length));
        }

        text.CopyTo(_chars.AsSpan(_charCount));
        _charCount += text.Length;
    }

    private void AddField(int start, int line)
    {
        if (_fieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, _fieldCount * 2);
            Array.Resize(ref _fieldEnds, _fieldCount * 2);
            Array.Resize(ref _fieldLines, _fieldCount * 2);
        }

        _fieldStarts[_fieldCount] = start;
        _fieldEnds[_fieldCount] = _charCount;
        _fieldLines[_fieldCount] = line;
        _fieldCount++;
    }
}
