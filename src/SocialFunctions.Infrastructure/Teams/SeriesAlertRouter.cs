using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Infrastructure.Teams;

/// <summary>
/// Chooses where a series alert goes: the brand's Teams webhook when set; else mail to its team recipients (through
/// <see cref="IMailSender"/>, tagged with the alert id so a retry is not sent twice); else the local JSON outbox.
/// </summary>
public sealed class SeriesAlertRouter(TeamsWebhookNotifier teams, AlertOutboxWriter outbox, IMailSender mail, ILogger<SeriesAlertRouter> logger) : ISeriesAlertNotifier
{
    public async Task<AlertDelivery> NotifyAsync(SeriesAlert alert, BrandSettings brand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(brand);
        AlertDelivery delivery;
        if (!string.IsNullOrWhiteSpace(brand.TeamsWebhookUrl) && Uri.TryCreate(brand.TeamsWebhookUrl, UriKind.Absolute, out var webhook))
        {
            delivery = await teams.PostAsync(webhook, SeriesAlertCard.BuildPayload(alert), cancellationToken);
        }
        else if (brand.TeamRecipients.Count > 0)
        {
            var result = await mail.SendAsync(ToMail(alert, brand), cancellationToken);
            delivery = new AlertDelivery(result.Delivered, "mail", result.Where, result.Detail);
        }
        else
        {
            delivery = await outbox.WriteAsync(alert, SeriesAlertCard.BuildPayload(alert), cancellationToken);
        }

        if (delivery.Delivered)
        {
            TeamsLog.Delivered(logger, alert.Kind, alert.Health.Series, alert.Health.Channel, alert.Health.Brand, delivery.Channel);
        }

        return delivery;
    }

    internal static OutgoingMail ToMail(SeriesAlert alert, BrandSettings brand)
    {
        var h = alert.Health;
        var subject = alert.Kind switch
        {
            AlertKind.Recovered => $"Recovered: {h.Series} on {h.Channel}",
            AlertKind.Reminder => $"Still underperforming: {h.Series} on {h.Channel}",
            _ => $"Underperforming: {h.Series} on {h.Channel}",
        };
        var html = new StringBuilder();
        html.Append("<h2>").Append(WebUtility.HtmlEncode(subject)).Append("</h2><p>")
            .Append(WebUtility.HtmlEncode(SeriesEvidenceFormatter.Describe(h))).Append("</p><table>");
        void Row(string name, string value) => html.Append("<tr><th align=\"left\">").Append(name).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        Row("Recent ER", Percent(h.RecentEngagementRate));
        Row("Baseline ER", Percent(h.BaselineEngagementRate));
        Row("Gap", Percent(h.RelativeGap));
        Row("Posts", h.Posts.ToString(CultureInfo.InvariantCulture));
        Row("Confidence", Percent(h.Confidence));
        Row("Since", h.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "n/a");
        html.Append("</table><p><a href=\"").Append(WebUtility.HtmlEncode($"{alert.PublicBaseUrl}/api/brands/{h.Brand}/series")).Append("\">Series data</a> · <a href=\"")
            .Append(WebUtility.HtmlEncode($"{alert.PublicBaseUrl}/api/brands/{h.Brand}/reports/{alert.ReportMonth}.pdf")).Append("\">Report ")
            .Append(alert.ReportMonth).Append("</a></p>");
        return new OutgoingMail
        {
            From = brand.Sender ?? brand.TeamRecipients[0],
            To = brand.TeamRecipients,
            Subject = subject,
            HtmlBody = html.ToString(),
            Tag = alert.Id,
        };
    }

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "n/a";
}
