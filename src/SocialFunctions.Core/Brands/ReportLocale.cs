using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Brands;

/// <summary>The languages the report, its mail and the alerts are written in.</summary>
public enum ReportLanguage
{
    English,
    French,
}

/// <summary>
/// A brand's locale (<c>en</c> or <c>fr</c>): which words the report, the mails and the alerts use
/// (<see cref="Language"/>) and how their numbers and dates read (<see cref="Culture"/>). Decided once, when settings
/// are saved; everything downstream asks this value, never the text.
/// </summary>
[JsonConverter(typeof(ParsableJsonConverter<ReportLocale>))]
public readonly record struct ReportLocale : IParsable<ReportLocale>
{
    private ReportLocale(ReportLanguage language) => Language = language;

    public static ReportLocale English { get; } = new(ReportLanguage.English);

    public static ReportLocale French { get; } = new(ReportLanguage.French);

    public static IReadOnlyList<ReportLocale> All { get; } = [English, French];

    /// <summary>English for <c>default</c>, the locale of a brand nobody configured.</summary>
    public ReportLanguage Language { get; }

    /// <summary>The settings code: <c>en</c> or <c>fr</c>.</summary>
    public string Code => Language == ReportLanguage.French ? "fr" : "en";

    /// <summary>Numbers and dates: en-US ("12,345", "October 2026") or fr-FR ("12 345", "octobre 2026").</summary>
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language == ReportLanguage.French ? "fr-FR" : "en-US");

    public static ReportLocale Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var locale) ? locale : throw new FormatException(Problem(s));

    /// <summary>Exactly <c>en</c> or <c>fr</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportLocale result)
    {
        result = English;
        switch (s)
        {
            case "en":
                return true;
            case "fr":
                result = French;
                return true;
            default:
                return false;
        }
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out ReportLocale result) => TryParse(s, null, out result);

    public static string Problem(string? text) => $"'{text}' is not allowed; expected one of {string.Join(", ", All.Select(l => l.Code))}.";

    public override string ToString() => Code;
}
