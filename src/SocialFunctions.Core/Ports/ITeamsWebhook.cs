using SocialFunctions.Core.Alerts;

namespace SocialFunctions.Core.Ports;

/// <summary>
/// Transport to a Teams Workflows webhook: posts a ready payload, with the retries, Retry-After waits and pacing Teams
/// asks for. The URL is a secret: implementations never log it nor return it.
/// </summary>
public interface ITeamsWebhook
{
    Task<AlertDelivery> PostAsync(Uri webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
