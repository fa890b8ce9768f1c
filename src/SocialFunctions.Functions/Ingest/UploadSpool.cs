using System.Security.Cryptography;
using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Functions.Ingest;

/// <summary>
/// Copies an upload stream to a temp file while hashing it, so the body is never held in memory and the content
/// hash (the upload id) is known before anything is written. Stops reading as soon as the size cap is passed.
/// </summary>
internal sealed class UploadSpool : IAsyncDisposable
{
    private readonly List<string> _paths = [];
    private readonly string _directory;
    private long _total;

    public UploadSpool(string? directory, long maxBytes)
    {
        _directory = directory ?? Path.GetTempPath();
        MaxBytes = maxBytes;
        Directory.CreateDirectory(_directory);
    }

    public long MaxBytes { get; }

    /// <summary>Spools one file; throws <see cref="UploadTooLargeException"/> past the cap (counting all files so far).</summary>
    public async Task<SpooledFile> SpoolAsync(string fileName, Stream body, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, "sf-upload-" + Guid.NewGuid().ToString("N"));
        _paths.Add(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                _total += read;
                if (_total > MaxBytes)
                {
                    throw new UploadTooLargeException(MaxBytes);
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        var uploadId = Convert.ToHexStringLower(hash.GetHashAndReset());
        return new SpooledFile(ExportFile.FromPath(fileName, path), uploadId);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var path in _paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A spool file still open elsewhere is removed with the temp folder; never fail a request over it.
            }
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed record SpooledFile(ExportFile File, string UploadId);

internal sealed class UploadTooLargeException(long maxBytes)
    : Exception($"The upload is larger than the limit of {maxBytes / (1024 * 1024)} MB ({maxBytes} bytes).")
{
    public long MaxBytes { get; } = maxBytes;
}
