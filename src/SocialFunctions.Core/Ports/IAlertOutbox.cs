using SocialFunctions.Core.Alerts;

namespace SocialFunctions.Core.Ports;

/// <summary>Local stand-in for Teams: keeps the payload an alert would have posted as a file in the outbox folder.</summary>
public interface IAlertOutbox
{
    Task<AlertDelivery> WriteAsync(SeriesAlert alert, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
