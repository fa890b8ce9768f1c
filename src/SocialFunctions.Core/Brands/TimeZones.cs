namespace SocialFunctions.Core.Brands;

/// <summary>IANA time zone lookup (the machine's tz database; .NET maps Windows ids too).</summary>
public static class TimeZones
{
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The zone, or UTC when the id is unknown (settings are validated on save, so this is a fallback only).</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
