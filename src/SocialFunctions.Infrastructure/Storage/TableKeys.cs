using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Key discipline for Table Storage: user text never goes into a key raw. The service forbids <c>/ \ # ?</c> and
/// control characters; we also reserve <c>|</c> as our separator and <c>%</c> as the escape. Azurite rejects keys over
/// 512 characters (the service allows 1 KiB), so long values are replaced by a hash.
/// </summary>
public static class TableKeys
{
    public const char Separator = '|';
    private const int MaxComponentLength = 400;

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (NeedsEscape(c))
            {
                builder ??= new StringBuilder(value, 0, i, value.Length + 16);
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        var escaped = builder?.ToString() ?? value;
        return escaped.Length <= MaxComponentLength ? escaped : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>Joins already-safe components with the separator.</summary>
    public static string Join(params string[] parts) => string.Join(Separator, parts);

    /// <summary>
    /// For a prefix ending in the separator, the smallest key greater than every key that starts with it
    /// ('}' follows '|'), so "starts with" becomes a range query the service serves from the index.
    /// </summary>
    public static string PrefixEnd(string prefix)
    {
        if (prefix.Length == 0 || prefix[^1] != Separator)
        {
            throw new ArgumentException($"A key prefix must end with '{Separator}'.", nameof(prefix));
        }

        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), "}");
    }

    // char.IsControl covers U+0000–U+001F and U+007F–U+009F, every control character the service forbids.
    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c);
}
