using System.Net;
using System.Text;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// The monthly mail: a short HTML summary of the ranked insights (every piece of data HTML-encoded: insight texts, brand
/// names and commentary come from users and exports), the earlier periods a catch-up archived, and the PDF attached.
/// </summary>
public sealed class ReportMailWriter : IReportMailWording
{
    private const int MaxInsights = 5;

    public ComposedMail ReportMail(ReportModel model, IReadOnlyList<ReportMonth> listedPeriods) =>
        new(Subject(model), HtmlBody(model, listedPeriods), PdfFileName(model));

    public static string Subject(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var words = Words.For(model.Locale);
        return string.Format(model.Locale.Culture, words.Subject, model.DisplayName, new ReportFormatter(model.Locale).Month(model.Month));
    }

    public static string HtmlBody(ReportModel model, IReadOnlyList<ReportMonth> listedPeriods)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(listedPeriods);
        var words = Words.For(model.Locale);
        var format = new ReportFormatter(model.Locale);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1f2933\">");
        html.Append("<h2>").Append(Encode(string.Format(model.Locale.Culture, words.Heading, model.DisplayName, format.Month(model.Month)))).Append("</h2>");
        var insights = model.Insights.OrderBy(i => i.Rank).Take(MaxInsights).ToList();
        if (insights.Count > 0)
        {
            html.Append("<p>").Append(Encode(words.Insights)).Append("</p><ol>");
            foreach (var insight in insights)
            {
                html.Append("<li>").Append(Encode(insight.LocalizedText ?? InsightSentences.Sentence(insight, model.Month, model.Locale))).Append("</li>");
            }

            html.Append("</ol>");
        }
        else
        {
            html.Append("<p>").Append(Encode(words.NoInsights)).Append("</p>");
        }

        if (listedPeriods.Count > 0)
        {
            html.Append("<p>").Append(Encode(words.Missed)).Append("</p><ul>");
            foreach (var period in listedPeriods)
            {
                html.Append("<li>").Append(Encode(format.Month(period))).Append(" (").Append(period).Append(")</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p>").Append(Encode(words.Attached)).Append("</p></body></html>");
        return html.ToString();
    }

    public static string PdfFileName(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"{model.Brand}-{model.Month}.pdf";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private sealed record Words(string Subject, string Heading, string Insights, string NoInsights, string Missed, string Attached)
    {
        private static readonly Words English = new(
            "{0}: social media report, {1}",
            "{0}: social media report for {1}",
            "What to read first:",
            "No notable changes this month.",
            "The service was unavailable when these earlier reports were due; they have been generated and archived:",
            "The full report is attached as a PDF.");

        private static readonly Words French = new(
            "{0} : rapport réseaux sociaux, {1}",
            "{0} : rapport réseaux sociaux de {1}",
            "À lire en premier :",
            "Aucun changement notable ce mois-ci.",
            "Le service était indisponible quand ces rapports précédents étaient dus ; ils ont été générés et archivés :",
            "Le rapport complet est joint en PDF.");

        public static Words For(ReportLocale locale) => locale.Language == ReportLanguage.French ? French : English;
    }
}
