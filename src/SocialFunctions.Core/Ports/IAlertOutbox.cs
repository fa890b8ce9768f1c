using SocialFunctions.Core.Alerts;

namespace SocialFunctions.Core.Ports;

/// <summary>Local stand-in for Teams: keeps the payload an alert would have posted as a file in the outbox folder.</summary>
public interface IAlertOutbox
{
    Task<AlertDelivery> WriteAsync(SeriesAlert alert, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Keeps any other Teams payload (the weekly digest's card) under a file name built from <paramref name="name"/>.</summary>
    Task<AlertDelivery> WriteAsync(string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        Task.FromResult(new AlertDelivery(false, "outbox", null, "this outbox keeps series alerts only"));
}
