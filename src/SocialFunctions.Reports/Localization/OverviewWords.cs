using System.Globalization;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Reports.Localization;

/// <summary>The words of the overall content page: slice names (formats, weekdays, hour bands) and the advice sentence.</summary>
internal static class OverviewWords
{
    /// <summary>"Reels", "Thursday", "18:00–21:00" / "Reels", "jeudi", "18:00–21:00".</summary>
    public static string SliceName(ContentSlice slice, ReportLocale locale) => SliceName(slice.Dimension, slice.Key, locale);

    public static string SliceName(string dimension, string key, ReportLocale locale)
    {
        var labels = ReportLabels.For(locale);
        return dimension switch
        {
            ContentDimensions.ContentType => labels.ContentTypes.TryGetValue(key, out var name) ? name : key,
            ContentDimensions.Weekday => Weekday(key, locale),
            ContentDimensions.Hour when key.Length == 5 => $"{key[..2]}:00–{key[3..]}:00",
            _ => key,
        };
    }

    private static string Weekday(string key, ReportLocale locale)
    {
        var index = Array.IndexOf(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"], key);
        if (index < 0)
        {
            return key;
        }

        var name = locale.Culture.DateTimeFormat.GetDayName((DayOfWeek)index);
        return locale.Language == ReportLanguage.French ? name : char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// One plain sentence of what to do more or less of: "Do more reels (+38 % vs their channels' average over 46 posts)
    /// and more posts on Thursdays; do fewer links (−41 %, 22 posts)." — or, when nothing stands out, that the mix holds.
    /// </summary>
    public static string Advice(ContentOverview overview, ReportLocale locale)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var fr = locale.Language == ReportLanguage.French;
        var c = locale.Culture;
        if (overview.Advice.Count == 0)
        {
            return fr
                ? "Aucun format, jour ou horaire ne se détache nettement de la moyenne de son canal sur quatre mois : gardez le mix actuel et testez une variable à la fois."
                : "No format, day or time stands out clearly from its channel's average over four months: keep the current mix and test one change at a time.";
        }

        string Part(ContentAdvice a)
        {
            var change = (a.Lift - 1) * 100;
            var figure = $"{(change >= 0 ? "+" : "-")}{Math.Abs(change).ToString("N0", c)} %";
            var what = a.Dimension switch
            {
                ContentDimensions.ContentType => SliceName(a.Dimension, a.Key, locale).ToLower(c),
                ContentDimensions.Weekday => fr ? $"publications le {SliceName(a.Dimension, a.Key, locale)}" : $"posts on {SliceName(a.Dimension, a.Key, locale)}s",
                _ => fr ? $"publications entre {SliceName(a.Dimension, a.Key, locale).Replace("–", " et ", StringComparison.Ordinal)}" : $"posts between {SliceName(a.Dimension, a.Key, locale).Replace("–", " and ", StringComparison.Ordinal)}",
            };
            return fr
                ? $"{what} ({figure} vs la moyenne de leur canal, sur {a.Posts.ToString("N0", c)} publications)"
                : $"{what} ({figure} vs their channel's average, over {a.Posts.ToString("N0", c)} posts)";
        }

        string Join(IEnumerable<string> parts) => string.Join(fr ? " et " : " and ", parts);
        var more = overview.Advice.Where(a => a.More).Select(Part).ToList();
        var less = overview.Advice.Where(a => !a.More).Select(Part).ToList();
        var sentences = new List<string>();
        if (more.Count > 0)
        {
            sentences.Add((fr ? "Faites plus de " : "Do more ") + Join(more));
        }

        if (less.Count > 0)
        {
            sentences.Add((fr ? "moins de " : "fewer ") + Join(less));
        }

        var text = string.Join(fr ? " ; " : "; ", sentences);
        if (more.Count == 0)
        {
            text = (fr ? "Faites " : "Do ") + text;
        }

        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] + ".";
    }
}
