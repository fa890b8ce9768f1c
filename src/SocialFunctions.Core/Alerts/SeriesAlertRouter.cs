using Microsoft.Extensions.Logging;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Core.Alerts;

/// <summary>
/// Chooses where a series alert goes and hands it to that transport, worded by <see cref="ISeriesAlertWording"/>: the
/// brand's Teams webhook when set; else mail to its team recipients (tagged with the alert id, so a retry is not sent
/// twice); else the local outbox.
/// </summary>
public sealed partial class SeriesAlertRouter(
    ITeamsWebhook teams,
    IMailSender mail,
    IAlertOutbox outbox,
    ISeriesAlertWording wording,
    ILogger<SeriesAlertRouter> logger)
{
    public async Task<AlertDelivery> NotifyAsync(SeriesAlert alert, BrandSettings brand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(brand);
        AlertDelivery delivery;
        if (brand.TeamsWebhookUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var webhook))
        {
            delivery = await teams.PostAsync(webhook, wording.TeamsPayload(alert), cancellationToken);
        }
        else if (brand.TeamRecipients.Count > 0)
        {
            var composed = wording.AlertMail(alert);
            var result = await mail.SendAsync(
                new OutgoingMail
                {
                    From = brand.Sender ?? brand.TeamRecipients[0],
                    To = brand.TeamRecipients,
                    Subject = composed.Subject,
                    HtmlBody = composed.HtmlBody,
                    Tag = alert.Id,
                    MayHaveBeenSent = alert.MayHaveBeenSent,
                },
                cancellationToken);
            delivery = new AlertDelivery(result.Delivered, "mail", result.Where, result.Detail);
        }
        else
        {
            delivery = await outbox.WriteAsync(alert, wording.TeamsPayload(alert), cancellationToken);
        }

        if (delivery.Delivered)
        {
            Delivered(logger, alert.Kind, LogText.Safe(alert.Health.Series), alert.Health.Channel, alert.Brand.Value, delivery.Channel);
        }

        return delivery;
    }

    [LoggerMessage(3103, LogLevel.Information, "Series alert {Kind} for {Series} on {Channel} of {Brand} delivered via {Via}")]
    private static partial void Delivered(ILogger logger, string kind, string series, string channel, string brand, string via);
}
