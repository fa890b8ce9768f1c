using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Brands;

/// <summary>
/// The settings exactly as a client sent them (every field optional: a missing one takes its default, since a PUT
/// replaces the settings). <see cref="BrandSettingsValidator.Validate"/> turns it into typed <see cref="BrandSettings"/>.
/// Unsealed so the HTTP document can be this shape plus what only the API shows.
/// </summary>
public record BrandSettingsDraft
{
    public string? DisplayName { get; init; }

    public string? TimeZone { get; init; }

    public string? Locale { get; init; }

    public string? FunnelFocus { get; init; }

    public IReadOnlyList<string>? Recipients { get; init; }

    public string? Sender { get; init; }

    public IReadOnlyList<string>? TeamRecipients { get; init; }

    public IReadOnlyDictionary<string, double>? PostingTargets { get; init; }

    public IReadOnlyList<SeriesRule>? SeriesRules { get; init; }

    public string? TeamsWebhookUrl { get; init; }

    public int? ReportDayOfMonth { get; init; }

    public string? ReportTime { get; init; }

    public string? PaperSize { get; init; }

    /// <summary>The Monday status digest to the team: on unless false.</summary>
    public bool? WeeklyDigest { get; init; }
}

/// <summary>
/// Checks what a client sent and says, per field (JSON path in camelCase, e.g. <c>seriesRules[1].pattern</c>), what is
/// wrong; when nothing is, builds the typed settings. The only place settings text is parsed. The keys and messages go
/// straight into a 400 validation problem, so each message names the offending value.
/// </summary>
public static partial class BrandSettingsValidator
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxRecipients = 50;
    public const int MaxSeriesRules = 100;
    public const int MaxRuleTextLength = 200;
    public const double MaxPostingTarget = 1000;

    /// <summary>Field → messages, empty when the draft is valid; then <paramref name="settings"/> holds the typed settings.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(BrandName brand, BrandSettingsDraft draft, out BrandSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Errors();
        settings = null;

        if (draft.DisplayName is { Length: > MaxDisplayNameLength })
        {
            errors.Add("displayName", $"Must be at most {MaxDisplayNameLength} characters (got {draft.DisplayName.Length}).");
        }

        var clock = BrandClock.Utc;
        if (draft.TimeZone is not null && !BrandClock.TryFind(draft.TimeZone, out clock))
        {
            errors.Add("timeZone", BrandClock.Problem(draft.TimeZone));
        }

        var locale = ReportLocale.English;
        if (draft.Locale is not null && !ReportLocale.TryParse(draft.Locale, out locale))
        {
            errors.Add("locale", ReportLocale.Problem(draft.Locale));
        }

        var focus = BrandDefaults.FunnelFocus;
        if (draft.FunnelFocus is not null && !BrandSettingValues.TryParseFunnelFocus(draft.FunnelFocus, out focus))
        {
            errors.Add("funnelFocus", NotOneOf(draft.FunnelFocus, BrandSettingValues.FunnelFocuses));
        }

        var paper = BrandDefaults.PaperSize;
        if (draft.PaperSize is not null && !BrandSettingValues.TryParsePaperSize(draft.PaperSize, out paper))
        {
            errors.Add("paperSize", NotOneOf(draft.PaperSize, BrandSettingValues.PaperSizes));
        }

        ValidateAddresses("recipients", draft.Recipients, errors);
        ValidateAddresses("teamRecipients", draft.TeamRecipients, errors);
        if (draft.Sender is not null && !IsEmail(draft.Sender))
        {
            errors.Add("sender", $"'{draft.Sender}' is not an email address.");
        }

        foreach (var (channel, target) in draft.PostingTargets ?? new Dictionary<string, double>())
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

        ValidateRules(draft.SeriesRules, errors);
        ValidateWebhook(draft.TeamsWebhookUrl, errors);

        var day = draft.ReportDayOfMonth ?? BrandDefaults.ReportDayOfMonth;
        if (day is < 1 or > 28)
        {
            errors.Add("reportDayOfMonth", $"Must be between 1 and 28 so every month has that day (got {day}).");
        }

        var time = BrandDefaults.ReportTime;
        if (draft.ReportTime is not null && !BrandSettingValues.TryParseReportTime(draft.ReportTime, out time))
        {
            errors.Add("reportTime", $"'{draft.ReportTime}' is not a time of day in the form HH:mm (00:00–23:59).");
        }

        if (errors.Count > 0)
        {
            return errors.ToDictionary();
        }

        settings = new BrandSettings
        {
            Brand = brand,
            DisplayName = draft.DisplayName,
            Clock = clock!,
            Locale = locale,
            FunnelFocus = focus,
            Recipients = draft.Recipients ?? [],
            Sender = draft.Sender,
            TeamRecipients = draft.TeamRecipients ?? [],
            PostingTargets = draft.PostingTargets ?? new Dictionary<string, double>(),
            SeriesRules = draft.SeriesRules ?? [],
            TeamsWebhookUrl = string.IsNullOrEmpty(draft.TeamsWebhookUrl) ? null : draft.TeamsWebhookUrl,
            ReportDayOfMonth = day,
            ReportTime = time,
            PaperSize = paper,
            WeeklyDigest = draft.WeeklyDigest ?? BrandDefaults.WeeklyDigest,
        };
        return errors.ToDictionary();
    }

    private static string NotOneOf(string value, IReadOnlyList<string> allowed) => $"'{value}' is not allowed; expected one of {string.Join(", ", allowed)}.";

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
        if (string.IsNullOrEmpty(url))
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
        {
            // Never echo the value: it may be a secret with a typo.
            errors.Add("teamsWebhookUrl", "Must be an absolute https:// URL (the Teams Workflows webhook address).");
        }
    }

    [GeneratedRegex(@"^#?[\p{L}\p{N}_]+\z", RegexOptions.CultureInvariant)] // \z: $ would accept a final newline
    private static partial Regex HashtagPattern();

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

        public int Count => _byField.Count;

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
