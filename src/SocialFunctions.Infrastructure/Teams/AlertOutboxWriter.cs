using System.Globalization;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Teams;

/// <summary>Local mode: writes the Teams payload as a <c>.json</c> file into the outbox folder instead of posting it.</summary>
public sealed class AlertOutboxWriter(IOptions<AlertOutboxOptions> options, TimeProvider time) : IAlertOutbox
{
    public async Task<AlertDelivery> WriteAsync(SeriesAlert alert, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var folder = Path.GetFullPath(options.Value.Path);
        Directory.CreateDirectory(folder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var file = Path.Combine(folder, $"teams-{stamp}-{alert.Brand}-{alert.Kind}-{alert.Id}.json");
        await File.WriteAllBytesAsync(file, payload, cancellationToken);
        return new AlertDelivery(true, "outbox", file);
    }

    public async Task<AlertDelivery> WriteAsync(string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var folder = Path.GetFullPath(options.Value.Path);
        Directory.CreateDirectory(folder);
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var file = Path.Combine(folder, $"teams-{stamp}-{safe}.json");
        await File.WriteAllBytesAsync(file, payload, cancellationToken);
        return new AlertDelivery(true, "outbox", file);
    }
}
