using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SocialFunctions.Core.Records;

/// <summary>
/// A brand name, the workspace key: lower-case <c>[a-z0-9-]{1,40}</c> (metrics.md). Validated once, where text enters
/// (a route, a queue message, a stored key); ports and services take this type, never a raw string. It converts to
/// <see cref="string"/> implicitly because records, keys and URLs carry it as text.
/// </summary>
[JsonConverter(typeof(ParsableJsonConverter<BrandName>))]
public readonly partial record struct BrandName : IParsable<BrandName>
{
    private readonly string? _value;

    private BrandName(string value) => _value = value;

    /// <summary>The name as text (empty only for <c>default</c>, which no parser produces).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a brand name; throws <see cref="FormatException"/> saying what a brand name looks like.</summary>
    public static BrandName Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var name) ? name : throw new FormatException(Problem(s));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out BrandName result)
    {
        result = default;
        if (s is null || !Pattern().IsMatch(s))
        {
            return false;
        }

        result = new BrandName(s);
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out BrandName result) => TryParse(s, null, out result);

    /// <summary>What is wrong with <paramref name="text"/>, as an error message.</summary>
    public static string Problem(string? text) =>
        $"'{text}' is not a brand name: use 1 to 40 lower-case letters, digits or hyphens ([a-z0-9-]{{1,40}}).";

    public static implicit operator string(BrandName name) => name.Value;

    public override string ToString() => Value;

    // \z, not $: in .NET $ also matches before a final newline, which would let "acme\n" through to table keys.
    [GeneratedRegex(@"^[a-z0-9-]{1,40}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
