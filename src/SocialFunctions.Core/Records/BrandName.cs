using System.Text.RegularExpressions;

namespace SocialFunctions.Core.Records;

/// <summary>Brand names are the workspace key: lower-case <c>[a-z0-9-]{1,40}</c> (metrics.md).</summary>
public static partial class BrandName
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
