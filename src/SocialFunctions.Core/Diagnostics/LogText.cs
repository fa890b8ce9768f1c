using System.Globalization;
using System.Text;

namespace SocialFunctions.Core.Diagnostics;

/// <summary>
/// User text (file, series and brand names, request paths, third-party messages) as it may appear in a log line: control
/// characters and line breaks escaped as <c>\uXXXX</c> so one value can never forge another log line, quotes kept
/// visible, and long values cut with their length noted. Apply it to every such value handed to a logger.
/// </summary>
public static class LogText
{
    public const int MaxLength = 200;

    public static string Safe(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        // Stryker disable once Linq : the capacity is only a hint; Min and Max build the same text
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 16);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxLength)))
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (value.Length > MaxLength)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({value.Length} chars)");
        }

        return builder.ToString();
    }
}
