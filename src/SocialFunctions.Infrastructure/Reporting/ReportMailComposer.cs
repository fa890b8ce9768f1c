using System.Globalization;
using System.Net;
using System.Text;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Reporting;

/// <summary>
/// The monthly mail: a short HTML summary of the ranked insights (every piece of data HTML-encoded: insight texts, brand
/// names and commentary come from users and exports), the earlier periods a catch-up archived, and the PDF attached.
/// </summary>
public static class ReportMailComposer
{
    private const int MaxInsights = 5;

    public static string Subject(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var labels = Labels.For(model.Locale);
        return string.Format(labels.Culture, labels.Subject, model.DisplayName, MonthName(model.Month, labels.Culture));
    }

    public static string HtmlBody(ReportModel model, IReadOnlyList<string> listedPeriods)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(listedPeriods);
        var labels = Labels.For(model.Locale);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1f2933\">");
        html.Append("<h2>").Append(Encode(string.Format(labels.Culture, labels.Heading, model.DisplayName, MonthName(model.Month, labels.Culture)))).Append("</h2>");
        var insights = model.Insights.OrderBy(i => i.Rank).Take(MaxInsights).ToList();
        if (insights.Count > 0)
        {
            html.Append("<p>").Append(Encode(labels.Insights)).Append("</p><ol>");
            foreach (var insight in insights)
            {
                html.Append("<li>").Append(Encode(insight.LocalizedText ?? insight.Text)).Append("</li>");
            }

            html.Append("</ol>");
        }
        else
        {
            html.Append("<p>").Append(Encode(labels.NoInsights)).Append("</p>");
        }

        if (listedPeriods.Count > 0)
        {
            html.Append("<p>").Append(Encode(labels.Missed)).Append("</p><ul>");
            foreach (var period in listedPeriods)
            {
                html.Append("<li>").Append(Encode(MonthName(period, labels.Culture))).Append(" (").Append(Encode(period)).Append(")</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p>").Append(Encode(labels.Attached)).Append("</p></body></html>");
        return html.ToString();
    }

    public static string PdfFileName(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"{model.Brand}-{model.Month}.pdf";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string MonthName(string month, CultureInfo culture) =>
        ReportMonth.TryParse(month, out var period)
            ? new DateTime(period.Year, period.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", culture)
            : month;

    private sealed record Labels(CultureInfo Culture, string Subject, string Heading, string Insights, string NoInsights, string Missed, string Attached)
    {
        private static readonly Labels English = new(
            CultureInfo.GetCultureInfo("en-US"),
            "{0}: social media report, {1}",
            "{0}: social media report for {1}",
            "What to read first:",
            "No notable changes this month.",
            "The service was unavailable when these earlier reports were due; they have been generated and archived:",
            "The full report is attached as a PDF.");

        private static readonly Labels French = new(
            CultureInfo.GetCultureInfo("fr-FR"),
            "{0} : rapport réseaux sociaux, {1}",
            "{0} : rapport réseaux sociaux de {1}",
            "À lire en premier :",
            "Aucun changement notable ce mois-ci.",
            "Le service était indisponible quand ces rapports précédents étaient dus ; ils ont été générés et archivés :",
            "Le rapport complet est joint en PDF.");

        public static Labels For(string? locale) =>
            locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;
    }
}
