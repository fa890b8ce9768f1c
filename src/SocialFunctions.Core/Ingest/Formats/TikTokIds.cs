namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// TikTok video (and photo) ids are snowflakes whose top 32 bits are the creation time in Unix seconds, so a Content
/// export whose dates have no year still says exactly when each post was made.
/// </summary>
internal static class TikTokIds
{
    /// <summary>TikTok's first videos (September 2016): an id that decodes earlier is not a snowflake.</summary>
    private static readonly DateTimeOffset Launch = new(2016, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The numeric id in <c>https://www.tiktok.com/@brand/video/7431…</c> (or <c>/photo/</c>).</summary>
    public static string? FromLink(string? link)
    {
        if (link is null)
        {
            return null;
        }

        var at = link.IndexOf("/video/", StringComparison.OrdinalIgnoreCase);
        var marker = "/video/".Length;
        if (at < 0)
        {
            at = link.IndexOf("/photo/", StringComparison.OrdinalIgnoreCase);
        }

        if (at < 0)
        {
            return null;
        }

        var start = at + marker;
        var end = start;
        while (end < link.Length && char.IsAsciiDigit(link[end]))
        {
            end++;
        }

        return end > start ? link[start..end] : null;
    }

    /// <summary>The creation instant of an id, when it decodes to a time between TikTok's launch and <paramref name="notAfter"/>.</summary>
    public static DateTimeOffset? CreatedAt(string? id, DateTimeOffset notAfter)
    {
        // Stryker disable once Equality : equivalent for `<=`, an id of 15 digits decodes to 1970, before the launch
        if (id is null || id.Length < 15 || !ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var instant = DateTimeOffset.FromUnixTimeSeconds((long)(value >> 32));
        return instant >= Launch && instant <= notAfter ? instant : null;
    }

    /// <summary>
    /// The publication instant of a post whose export shows <paramref name="shown"/> (month and day, perhaps no year):
    /// the id gives the year and time, the day shown wins over the id's day (it is the account's calendar day). Null
    /// when the id is more than a day away from every year's <paramref name="shown"/> day (not this post's time).
    /// </summary>
    public static DateTimeOffset? PublishedAt(LocalizedDates.PartialDate shown, DateTimeOffset created, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(created, zone);
        var localDay = DateOnly.FromDateTime(local.DateTime);
        DateOnly? best = null;
        for (var year = localDay.Year - 1; year <= localDay.Year + 1; year++)
        {
            if ((shown.Year is null || shown.Year == year) && shown.TryIn(year, out var candidate)
                && Math.Abs(candidate.DayNumber - localDay.DayNumber) <= 1
                && (best is null || Math.Abs(candidate.DayNumber - localDay.DayNumber) < Math.Abs(best.Value.DayNumber - localDay.DayNumber)))
            {
                best = candidate;
            }
        }

        if (best is not { } day)
        {
            return null;
        }

        return day == localDay
            ? created.ToUniversalTime()
            : Csv.CsvDates.LocalToUtc(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), zone);
    }
}
