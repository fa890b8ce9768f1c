namespace SocialFunctions.Core.Ingest;

/// <summary>
/// An uploaded file, spooled to a seekable store (a temp file under the host; bytes in tests) so that
/// probing, zip containers and spreadsheets can re-open it without holding it in memory.
/// </summary>
public sealed class ExportFile
{
    private readonly Func<Stream> _open;

    private ExportFile(string fileName, long length, Func<Stream> open)
    {
        FileName = fileName;
        Length = length;
        _open = open;
    }

    /// <summary>The name the user gave the file (may be empty); a hint only, never the sole basis of detection.</summary>
    public string FileName { get; }

    public long Length { get; }

    /// <summary>Opens a new read stream positioned at the start; the caller disposes it.</summary>
    public Stream OpenRead() => _open();

    public static ExportFile FromPath(string fileName, string path) =>
        new(fileName, new FileInfo(path).Length, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous));

    public static ExportFile FromBytes(string fileName, byte[] content) =>
        new(fileName, content.Length, () => new MemoryStream(content, writable: false));
}
