using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Ports;

/// <summary>
/// Delivers a series alert: to the brand's Teams Workflows webhook, else by mail to its team recipients, else (local)
/// into the outbox as JSON.
/// </summary>
public interface ISeriesAlertNotifier
{
    Task<AlertDelivery> NotifyAsync(SeriesAlert alert, BrandSettings brand, CancellationToken cancellationToken);
}
