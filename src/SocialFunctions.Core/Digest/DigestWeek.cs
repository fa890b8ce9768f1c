using System.Globalization;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Digest;

/// <summary>An ISO week (Monday to Sunday, the brand's local calendar) that a weekly digest reports on, e.g. <c>2026-W44</c>.</summary>
public readonly record struct DigestWeek
{
    public DigestWeek(DateOnly monday)
    {
        if (monday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A digest week starts on a Monday, not on {monday:yyyy-MM-dd} ({monday.DayOfWeek}).", nameof(monday));
        }

        Monday = monday;
    }

    public DateOnly Monday { get; }

    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The ISO week, <c>2026-W44</c>: the run record's key.</summary>
    public string Key => BrandClock.IsoWeek(Monday);

    /// <summary>The week containing <paramref name="day"/>.</summary>
    public static DigestWeek Of(DateOnly day) => new(BrandClock.WeekStart(day));

    public DigestWeek Previous => new(Monday.AddDays(-7));

    public override string ToString() => Key;

    /// <summary>Parses <c>yyyy-Www</c> (ISO week-numbering year and week).</summary>
    public static bool TryParse(string? text, out DigestWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2999 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new DigestWeek(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday)));
        return true;
    }
}
