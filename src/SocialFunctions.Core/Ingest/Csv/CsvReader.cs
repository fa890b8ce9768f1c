using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    // Above the 64 KB StreamReader's own char buffer (65,537 chars for UTF-8): with that much room free, it decodes
    // straight into ours instead of decoding into its buffer and copying (measured: the copy was ~14 % of a parse).
    private const int InitialBufferSize = 160 * 1024;

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
    public ReadOnlySpan<char> GetSpan(int field)
    {
        if ((uint)field >= (uint)_fieldCount)
        {
            return [];
        }

        var start = _fieldStarts[field];
        return start >= 0 ? _buffer.AsSpan(start, _fieldEnds[field] - start) : _chars.AsSpan(~start, _fieldEnds[field] - ~start);
    }

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
    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        // Nearly every record is already in the buffer: no state machine for those.
        if (_start < _end && TryParseRecord())
        {
            return new ValueTask<bool>(true);
        }

        return FillAndReadAsync(cancellationToken);
    }

    /// <summary><see cref="ReadAsync"/> when the buffer holds no whole record: reads more text first.</summary>
    private async ValueTask<bool> FillAndReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_eof)
            {
                // At the end of the text every remaining character belongs to a last record.
                return _start < _end && TryParseRecord();
            }

            PrepareFill();
            var read = await _reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            CompleteFill(read);
            if (_start < _end && TryParseRecord())
            {
                return true;
            }
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

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxRecordChars));
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
    /// <remarks>
    /// A field is a slice of the read buffer wherever its text is the file's own (unquoted fields, and quoted ones
    /// without a doubled quote or text after the closing quote — line breaks inside quotes are kept as written); only
    /// the others are unescaped into a second buffer. The buffer is compacted only by the next read, so the slices stay
    /// valid until then.
    /// </remarks>
    private bool TryParseRecord()
    {
        var buffer = _buffer;
        var end = _end;
        var pos = _start;
        var line = _line;
        var recordLine = line;
        var truncatedField = -1;
        var truncatedLine = 0;
        var delimiter = Delimiter;
        _fieldCount = 0;
        _charCount = 0;

        while (true)
        {
            var fieldLine = line;

            // The field so far: a slice of the buffer [rawStart, rawEnd), or, once unescaped, _chars from charStart.
            var rawStart = pos;
            var rawEnd = pos;
            var charStart = -1;
            var quoted = pos < end && buffer[pos] == '"';
            if (quoted)
            {
                var quoteLine = line;
                pos++;
                rawStart = pos;
                var segment = pos; // with charStart set: the start of the raw text not yet copied to _chars
                var unterminated = false;
                while (true)
                {
                    var i = buffer.AsSpan(pos, end - pos).IndexOfAny('"', '\n', '\r');
                    if (i < 0)
                    {
                        if (!_eof)
                        {
                            return false;
                        }

                        pos = end;
                        unterminated = true;
                        truncatedLine = quoteLine;
                        break;
                    }

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
                            // A doubled quote: from here on the field is unescaped into _chars.
                            if (charStart < 0)
                            {
                                charStart = _charCount;
                            }

                            Append(buffer.AsSpan(segment, pos + 1 - segment));
                            pos += 2;
                            segment = pos;
                            continue;
                        }

                        break;
                    }

                    // A line break inside the quotes is kept as written; only the line count moves.
                    if (c == '\r')
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
                }

                rawEnd = pos;
                if (charStart >= 0)
                {
                    Append(buffer.AsSpan(segment, pos - segment));
                }

                if (unterminated)
                {
                    AddField(rawStart, rawEnd, charStart, fieldLine);
                    truncatedField = _fieldCount - 1;
                    break;
                }

                pos++; // the closing quote
            }

            // Unquoted field, or whatever follows a closing quote up to the delimiter (kept, leniently).
            var rest = buffer.AsSpan(pos, end - pos);
            var j = FieldLength(rest, delimiter);
            if (j < 0)
            {
                if (!_eof)
                {
                    return false;
                }

                j = rest.Length;
            }

            if (!quoted)
            {
                rawEnd = pos + j;
            }
            else if (j > 0)
            {
                // Text after a closing quote joins the field: unescape it into _chars.
                if (charStart < 0)
                {
                    charStart = _charCount;
                    Append(buffer.AsSpan(rawStart, rawEnd - rawStart));
                }

                Append(rest[..j]);
            }

            pos += j;
            AddField(rawStart, rawEnd, charStart, fieldLine);
            if (pos >= end)
            {
                break;
            }

            var d = buffer[pos];
            if (d == delimiter)
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

    /// <summary>
    /// Characters before the next delimiter or line break, or -1. Cells are mostly short: the first 32 characters are
    /// compared eight at a time, without the set-up of the general vectorised search (the last load of a short text
    /// overlaps the one before instead of reading past it); a longer cell (a caption) goes on with the general search,
    /// which reads wider.
    /// </summary>
    internal static int FieldLength(ReadOnlySpan<char> rest, char delimiter)
    {
        // An empty cell, or what follows a closing quote: the stop comes first, and one comparison finds it.
        if (rest.IsEmpty)
        {
            return -1;
        }

        if (rest[0] == delimiter || rest[0] == '\n' || rest[0] == '\r')
        {
            return 0;
        }

        const int Head = 32;
        var width = Vector128<ushort>.Count;
        if (!Vector128.IsHardwareAccelerated || rest.Length < width)
        {
            for (var i = 0; i < rest.Length; i++)
            {
                var c = rest[i];
                if (c == delimiter || c == '\n' || c == '\r')
                {
                    return i;
                }
            }

            return -1;
        }

        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(rest));
        var delimiters = Vector128.Create((ushort)delimiter);
        var lineFeeds = Vector128.Create((ushort)'\n');
        var returns = Vector128.Create((ushort)'\r');
        var last = Math.Min(rest.Length, Head) - width;
        for (var i = 0; ; i = Math.Min(i + width, last))
        {
            // 0 <= i <= last: the eight characters from i are inside the span.
            var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
            var hits = (Vector128.Equals(chars, delimiters) | Vector128.Equals(chars, lineFeeds) | Vector128.Equals(chars, returns)).ExtractMostSignificantBits();
            if (hits != 0)
            {
                return i + BitOperations.TrailingZeroCount(hits);
            }

            if (i == last)
            {
                break;
            }
        }

        if (rest.Length <= Head)
        {
            return -1;
        }

        var j = rest[Head..].IndexOfAny(delimiter, '\n', '\r');
        return j < 0 ? -1 : Head + j;
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

    /// <summary>Adds a field: the buffer slice [rawStart, rawEnd), or when <paramref name="charStart"/> ≥ 0 the unescaped text from there on.</summary>
    private void AddField(int rawStart, int rawEnd, int charStart, int line)
    {
        if (_fieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, _fieldCount * 2);
            Array.Resize(ref _fieldEnds, _fieldCount * 2);
            Array.Resize(ref _fieldLines, _fieldCount * 2);
        }

        // Unescaped fields are stored as ~start (negative), so GetSpan knows which buffer holds them.
        _fieldStarts[_fieldCount] = charStart >= 0 ? ~charStart : rawStart;
        _fieldEnds[_fieldCount] = charStart >= 0 ? _charCount : rawEnd;
        _fieldLines[_fieldCount] = line;
        _fieldCount++;
    }
}
