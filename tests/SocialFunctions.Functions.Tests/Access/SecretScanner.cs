using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialFunctions.Functions.Tests.Access;

/// <summary>
/// Finds credentials in text and in built binaries: storage account keys, SAS and webhook signatures, Entra client
/// secrets, function keys in URLs or headers, private keys, bearer tokens and the common cloud tokens. Placeholders in
/// tests (<c>sig=secret</c>) are too short to match; the one allowed value is the Azurite account key, which Microsoft
/// publishes for the emulator and which opens nothing but a local emulator (SECURITY.md, "Secrets").
/// </summary>
internal static partial class SecretScanner
{
    /// <summary>The Azurite / Storage Emulator well-known account key (learn.microsoft.com, "Use Azurite").</summary>
    public const string AzuriteDevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public sealed record Finding(string Where, string Kind, string Masked)
    {
        public override string ToString() => $"{Where}: {Kind} {Masked}";
    }

    private static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        // 64 random bytes in base64 (storage account key); npm's "sha512-…" integrity hashes are preceded by '-'.
        ("storage account key", StorageKey()),
        ("SAS or webhook signature", Signature()),
        ("shared access key", SharedAccessKey()),
        ("Entra client secret", EntraClientSecret()),
        ("function key", FunctionKey()),
        ("private key", PrivateKey()),
        ("JSON web token", Jwt()),
        ("cloud token", CloudToken()),
    ];

    /// <summary>Every credential in <paramref name="text"/>, its value masked so the report itself leaks nothing.</summary>
    public static IEnumerable<Finding> Scan(string where, string text)
    {
        foreach (var (kind, pattern) in Patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (match.Value.Contains(AzuriteDevKey, StringComparison.Ordinal))
                {
                    continue;
                }

                var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                yield return new Finding($"{where}:{line}", kind, Mask(match.Value));
            }
        }
    }

    /// <summary>
    /// Every entry of a zip, read both as Latin-1 (UTF-8 text, native strings) and as UTF-16LE (.NET string literals
    /// live in the assembly's user-string heap as UTF-16, at either byte parity).
    /// </summary>
    public static IEnumerable<Finding> ScanZip(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        foreach (var entry in zip.Entries.Where(e => e.Length > 0))
        {
            byte[] bytes;
            using (var stream = entry.Open())
            using (var buffer = new MemoryStream((int)entry.Length))
            {
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }

            var findings = Scan($"{Path.GetFileName(zipPath)}!{entry.FullName}", Encoding.Latin1.GetString(bytes));
            if (bytes.Length > 1)
            {
                findings = findings
                    .Concat(Scan($"{Path.GetFileName(zipPath)}!{entry.FullName} (UTF-16)", Encoding.Unicode.GetString(bytes)))
                    .Concat(Scan($"{Path.GetFileName(zipPath)}!{entry.FullName} (UTF-16, odd)", Encoding.Unicode.GetString(bytes, 1, bytes.Length - 1)));
            }

            foreach (var finding in findings.DistinctBy(f => (f.Kind, f.Masked)))
            {
                yield return finding;
            }
        }
    }

    /// <summary>First and last four characters; enough to find the value, too little to use it.</summary>
    internal static string Mask(string value) =>
        value.Length <= 12 ? new string('*', value.Length) : $"{value[..4]}…{value[^4..]} ({value.Length} chars)";

    [GeneratedRegex(@"(?<![A-Za-z0-9+/\-])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])")]
    private static partial Regex StorageKey();

    // A SAS or Logic Apps signature is an HMAC-SHA256 (43-44 characters, more once URL-encoded).
    [GeneratedRegex(@"[?&;]sig=[A-Za-z0-9%+/=_\-]{30,}")]
    private static partial Regex Signature();

    [GeneratedRegex(@"SharedAccessKey=[A-Za-z0-9+/=]{30,}")]
    private static partial Regex SharedAccessKey();

    // The Entra client-secret format since 2021 (three characters, a digit, "Q~", 31-34 more).
    [GeneratedRegex(@"(?<![A-Za-z0-9_~.\-])[A-Za-z0-9_~.\-]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34}(?![A-Za-z0-9_~.\-])")]
    private static partial Regex EntraClientSecret();

    // Function keys are 56-character base64url values, given in ?code= or x-functions-key.
    [GeneratedRegex(@"([?&]code=|x-functions-key[""']?\s*[:=,]\s*[""']?)[A-Za-z0-9_%=\-]{40,}", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionKey();

    [GeneratedRegex(@"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{20,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9\-]{10,}|AIza[0-9A-Za-z_\-]{35})")]
    private static partial Regex CloudToken();
}
