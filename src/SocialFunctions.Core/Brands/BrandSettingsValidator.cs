using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Brands;

/// <summary>
/// Checks brand settings and says, per field (JSON path in camelCase, e.g. <c>seriesRules[1].pattern</c>), what is wrong.
/// The keys and messages go straight into a 400 validation problem, so each message names the offending value.
/// </summary>
public static partial class BrandSettingsValidator
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxRecipients = 50;
    public const int MaxSeriesRules = 100;
    public const int MaxRuleTextLength = 200;
    public const double MaxPostingTarget = 1000;

    /// <summary>Field → messages; empty when the settings are valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(BrandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Errors();

        if (!BrandName.IsValid(settings.Brand))
        {
            errors.Add("brand", $"'{settings.Brand}' is not a brand name: use 1–40 lower-case letters, digits or '-'.");
        }

        if (settings.DisplayName is { Length: > MaxDisplayNameLength })
        {
            errors.Add("displayName", $"Must be at most {MaxDisplayNameLength} characters (got {settings.DisplayName.Length}).");
        }

        ValidateTimeZone(settings.TimeZone, errors);
        ValidateOneOf("locale", settings.Locale, BrandSettingValues.Locales, errors);
        ValidateOneOf("funnelFocus", settings.FunnelFocus, BrandSettingValues.FunnelFocuses, errors);
        ValidateOneOf("paperSize", settings.PaperSize, BrandSettingValues.PaperSizes, errors);
        ValidateAddresses("recipients", settings.Recipients, errors);
        ValidateAddresses("teamRecipients", settings.TeamRecipients, errors);
        if (settings.Sender is not null && !IsEmail(settings.Sender))
        {
            errors.Add("sender", $"'{settings.Sender}' is not an email address.");
        }

        foreach (var (channel, target) in settings.PostingTargets)
        {
            if (!Channels.IsKnown(channel))
            {
                errors.Add($"postingTargets.{channel}", $"Unknown channel '{channel}'; expected one of {string.Join(", ", Channels.All)}.");
            }
            else if (!double.IsFinite(target) || target < 0 || target > MaxPostingTarget)
            {
                errors.Add($"postingTargets.{channel}", $"Posts per week must be between 0 and {MaxPostingTarget} (got {target.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        ValidateRules(settings.SeriesRules, errors);
        ValidateWebhook(settings.TeamsWebhookUrl, errors);

        if (settings.ReportDayOfMonth is < 1 or > 28)
        {
            errors.Add("reportDayOfMonth", $"Must be between 1 and 28 so every month has that day (got {settings.ReportDayOfMonth}).");
        }

        if (settings.ReportTime is null || !ReportTimePattern().IsMatch(settings.ReportTime))
        {
            errors.Add("reportTime", $"'{settings.ReportTime}' is not a time of day in the form HH:mm (00:00–23:59).");
        }

        return errors.ToDictionary();
    }

    /// <summary>Brand time zones must be IANA ids (e.g. <c>Europe/Paris</c>) known to this machine.</summary>
    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            return false;
        }

        // A Windows id ("Romance Standard Time") is found on Linux too, but the contract is IANA.
        if (!found.HasIanaId && !string.Equals(found.Id, "UTC", StringComparison.Ordinal))
        {
            return false;
        }

        zone = found;
        return true;
    }

    private static void ValidateTimeZone(string? timeZone, Errors errors)
    {
        if (!TryFindTimeZone(timeZone, out _))
        {
            errors.Add("timeZone", $"'{timeZone}' is not a known IANA time zone (e.g. Europe/Paris, America/New_York, UTC).");
        }
    }

    private static void ValidateOneOf(string field, string? value, IReadOnlyList<string> allowed, Errors errors)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(field, $"'{value}' is not allowed; expected one of {string.Join(", ", allowed)}.");
        }
    }

    private static void ValidateAddresses(string field, IReadOnlyList<string>? addresses, Errors errors)
    {
        if (addresses is null)
        {
            return;
        }

        if (addresses.Count > MaxRecipients)
        {
            errors.Add(field, $"At most {MaxRecipients} addresses (got {addresses.Count}).");
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            if (!IsEmail(addresses[i]))
            {
                errors.Add($"{field}[{i}]", $"'{addresses[i]}' is not an email address.");
            }
        }
    }

    /// <summary>A bare address (no display name) with a dotted domain, as Graph expects in toRecipients.</summary>
    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.Ordinal)
        && string.IsNullOrEmpty(address.DisplayName)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    private static void ValidateRules(IReadOnlyList<SeriesRule>? rules, Errors errors)
    {
        if (rules is null)
        {
            return;
        }

        if (rules.Count > MaxSeriesRules)
        {
            errors.Add("seriesRules", $"At most {MaxSeriesRules} rules (got {rules.Count}).");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"seriesRules[{i}]";
            if (rule is null)
            {
                errors.Add(at, "A rule must be an object with a name and one of hashtag, prefix or pattern.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > MaxRuleTextLength)
            {
                errors.Add($"{at}.name", $"A series name is required (1–{MaxRuleTextLength} characters).");
            }

            var criteria = (rule.Hashtag is null ? 0 : 1) + (rule.Prefix is null ? 0 : 1) + (rule.Pattern is null ? 0 : 1);
            if (criteria != 1)
            {
                errors.Add(at, $"Give exactly one of hashtag, prefix or pattern (got {criteria}).");
            }

            if (rule.Hashtag is not null && !HashtagPattern().IsMatch(rule.Hashtag))
            {
                errors.Add($"{at}.hashtag", $"'{rule.Hashtag}' is not a hashtag: letters, digits or '_' after an optional '#' (e.g. #TipTuesday).");
            }

            if (rule.Prefix is not null && (string.IsNullOrWhiteSpace(rule.Prefix) || rule.Prefix.Length > MaxRuleTextLength))
            {
                errors.Add($"{at}.prefix", $"A prefix must have 1–{MaxRuleTextLength} visible characters.");
            }

            if (rule.Pattern is not null)
            {
                if (rule.Pattern.Length is 0 or > MaxRuleTextLength)
                {
                    errors.Add($"{at}.pattern", $"A pattern must have 1–{MaxRuleTextLength} characters.");
                }
                else if (SeriesRuleMatcher.TryCompile(rule.Pattern, out var problem) is null)
                {
                    errors.Add($"{at}.pattern", $"'{rule.Pattern}' is not a valid regular expression: {problem}");
                }
            }

            if (rule.Channels is not null)
            {
                for (var c = 0; c < rule.Channels.Count; c++)
                {
                    if (!Channels.IsKnown(rule.Channels[c]))
                    {
                        errors.Add($"{at}.channels[{c}]", $"Unknown channel '{rule.Channels[c]}'; expected one of {string.Join(", ", Channels.All)}.");
                    }
                }
            }
        }
    }

    private static void ValidateWebhook(string? url, Errors errors)
    {
        if (url is null)
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
        {
            // Never echo the value: it may be a secret with a typo.
            errors.Add("teamsWebhookUrl", "Must be an absolute https:// URL (the Teams Workflows webhook address).");
        }
    }

    [GeneratedRegex(@"^#?[\p{L}\p{N}_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportTimePattern();

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

        public void Add(string field, string message)
        {
            if (!_byField.TryGetValue(field, out var list))
            {
                _byField[field] = list = [];
            }

            list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() =>
            _byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
