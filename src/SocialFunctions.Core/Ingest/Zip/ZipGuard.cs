using System.Globalization;
using System.IO.Compression;

namespace SocialFunctions.Core.Ingest.Zip;

/// <summary>
/// Refuses hostile archives (.xlsx workbooks and export zips alike) from their central directory alone, before a single
/// byte is inflated: too many entries, more inflated bytes than any export has, an entry that inflates far beyond its
/// compressed size (a zip bomb), or an archive inside the archive. While reading, <see cref="Bounded"/> holds an entry to
/// the size it declared, so an archive that lies in its directory cannot inflate more than it admitted to.
/// </summary>
public static class ZipGuard
{
    /// <summary>Real exports hold a handful of files (YouTube's zip: 2–10; an .xlsx: a few dozen parts).</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Inflated bytes of all entries together: 20 times the 50 MB upload cap.</summary>
    public const long MaxTotalBytes = 1L << 30;

    /// <summary>Inflated ÷ compressed, checked on entries past <see cref="RatioCheckedFrom"/>. Real CSV and sheet XML compress 5–30×.</summary>
    public const int MaxRatio = 200;

    public const long RatioCheckedFrom = 1L << 20;

    // A property, not a static initializer, so that mutation testing can reach it (docs/testing.md); one small array per entry
    // checked is nothing next to inflating it.
    private static string[] ArchiveExtensions => [".zip", ".xlsx", ".xlsm", ".xlsb", ".docx", ".pptx", ".jar", ".gz", ".tgz", ".7z", ".rar", ".tar", ".bz2", ".xz"];

    /// <summary>Throws <see cref="ExportFormatException"/> naming what is wrong; returns the entry names otherwise.</summary>
    public static List<string> Check(string fileName, ZipArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var entries = archive.Entries;
        if (entries.Count > MaxEntries)
        {
            throw Refused(fileName, string.Create(CultureInfo.InvariantCulture, $"it holds {entries.Count:N0} files; an export holds at most {MaxEntries:N0}"));
        }

        long total = 0;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (ArchiveExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                throw Refused(fileName, $"it contains another archive ('{Shorten(name)}'); upload the inner file itself");
            }

            total += entry.Length;
            if (total > MaxTotalBytes)
            {
                throw Refused(fileName, $"its files inflate to more than {MaxTotalBytes / (1024 * 1024 * 1024)} GB");
            }

            if (entry.Length >= RatioCheckedFrom && entry.Length > (long)MaxRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw Refused(fileName, string.Create(CultureInfo.InvariantCulture,
                    $"'{Shorten(name)}' inflates {entry.Length / Math.Max(entry.CompressedLength, 1):N0} times its size ({entry.CompressedLength:N0} → {entry.Length:N0} bytes), which no export does"));
            }
        }

        return [.. entries.Select(e => e.FullName)];
    }

    /// <summary>An entry's stream that fails once it yields more than the entry declared.</summary>
    public static Stream Bounded(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new BoundedStream(entry.Open(), entry.Length, entry.FullName);
    }

    private static ExportFormatException Refused(string fileName, string why) =>
        new(fileName, null, null, $"refused as a possible zip bomb: {why}. Export the file again from the platform.");

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "…";

    private sealed class BoundedStream(Stream inner, long declared, string name) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read > declared
                ? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"'{name}' inflates to more than the {declared:N0} bytes its archive declares (a damaged or hostile zip)"))
                : read;
        }
    }
}
