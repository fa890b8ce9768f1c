using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// The words about series health, shared by the PDF's series table, the Teams card and the alert mail: the status names
/// and the alert titles. Sentences that explain a verdict from its evidence belong here too, as static methods taking
/// the <see cref="SeriesHealth"/> and the <see cref="ReportLocale"/>.
/// </summary>
public static class SeriesWords
{
    /// <summary>"Underperforming" / "Sous-performe" for a <see cref="SeriesStatus"/>; the raw status when unknown.</summary>
    public static string Status(string status, ReportLocale locale) =>
        ReportLabels.For(locale).Statuses.TryGetValue(status, out var word) ? word : status;

    /// <summary>The alert title: "Underperforming: Tips on Instagram", "Sous-performe : Tips sur Instagram", …</summary>
    public static string AlertTitle(string kind, string series, string channel, ReportLocale locale)
    {
        var name = ChannelNames.Of(channel);
        return (kind, locale.Language) switch
        {
            (Core.Alerts.AlertKind.Recovered, ReportLanguage.French) => $"Rétablie : {series} sur {name} est revenue près de sa référence",
            (Core.Alerts.AlertKind.Recovered, _) => $"Recovered: {series} on {name} is back near its baseline",
            (Core.Alerts.AlertKind.Reminder, ReportLanguage.French) => $"Toujours sous la référence : {series} sur {name}",
            (Core.Alerts.AlertKind.Reminder, _) => $"Still underperforming: {series} on {name}",
            (_, ReportLanguage.French) => $"Sous-performe : {series} sur {name}",
            _ => $"Underperforming: {series} on {name}",
        };
    }
}
