using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SocialFunctions.Functions.Tests.Packaging;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Access;

/// <summary>
/// No credential in the repository or the deployment package (SECURITY.md, "Secrets"): every tracked or new file, and
/// every entry of the built zip, is scanned; the only key allowed is Azurite's published development key.
/// </summary>
public sealed class SecretScanTests
{
    [Fact]
    public void Repository_TrackedAndNewFiles_HoldNoCredential()
    {
        var files = RepositoryFiles();
        Assert.True(files.Count > 100, $"only {files.Count} files found under {RepositoryPaths.Root}");

        var findings = new List<SecretScanner.Finding>();
        foreach (var relative in files)
        {
            var path = Path.Combine(RepositoryPaths.Root, relative);
            if (!File.Exists(path))
            {
                continue; // deleted in the working tree, not yet committed
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0))
            {
                continue; // fonts, images, spreadsheets: binaries we ship as data, not configuration
            }

            findings.AddRange(SecretScanner.Scan(relative, Encoding.UTF8.GetString(bytes)));
        }

        Assert.True(findings.Count == 0, "credentials in the repository:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void BuiltPackage_WhenPresent_HoldsNoCredential()
    {
        var zipPath = Path.Combine([RepositoryPaths.Root, .. DeploymentPackage.DefaultPath]);
        if (!File.Exists(zipPath))
        {
            Assert.Skip($"{string.Join('/', DeploymentPackage.DefaultPath)} not built; run ./run.sh package first");
        }

        var findings = SecretScanner.ScanZip(zipPath).ToList();

        Assert.True(findings.Count == 0, "credentials in the deployment package:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void Scan_EachKindOfCredential_FoundAndMasked()
    {
        var storageKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var signature = Uri.EscapeDataString(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var clientSecret = Token(3) + "7" + "Q~" + Token(34);
        var functionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(40)).Replace('+', '-').Replace('/', '_');
        var samples = new Dictionary<string, string>
        {
            ["storage account key"] = $"DefaultEndpointsProtocol=https;AccountName=prod;AccountKey={storageKey};",
            ["SAS or webhook signature"] = $"https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig={signature}",
            ["shared access key"] = $"Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccess" + $"Key={storageKey[..44]}",
            ["Entra client secret"] = $"\"Mail__Graph__ClientSecret\": \"{clientSecret}\"",
            ["function key"] = $"curl https://app.azurewebsites.net/api/health?code={functionKey}",
            ["private key"] = "-----BEGIN " + "PRIVATE KEY-----\nMIIE",
            ["JSON web token"] = $"Authorization: Bearer eyJ{Token(20)}.eyJ{Token(40)}.{Token(43)}",
            ["cloud token"] = "token=" + "ghp_" + Token(36),
        };

        foreach (var (kind, text) in samples)
        {
            var finding = Assert.Single(SecretScanner.Scan("sample.txt", "first line\n" + text));
            Assert.Equal(kind, finding.Kind);
            Assert.Equal("sample.txt:2", finding.Where);
            Assert.DoesNotContain(text.Length > 60 ? text[^30..] : text[^10..], finding.ToString(), StringComparison.Ordinal);
        }

        Assert.Single(SecretScanner.Scan("x", $"x-functions-key: {functionKey}"));
    }

    [Fact]
    public void Scan_AzuriteKeyPlaceholdersAndHashes_NotCredentials()
    {
        var harmless = string.Join(
            '\n',
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={SecretScanner.AzuriteDevKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1",
            "TeamsWebhookUrl = \"https://prod-01.westeurope.logic.azure.com/workflows/abc?sig=secret\"",
            $"\"integrity\": \"sha512-{Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))}\"",
            "Mail__Graph__ClientSecret: (preferably a Key Vault reference)",
            "-H \"x-functions-key: $KEY\"");

        Assert.Empty(SecretScanner.Scan("harmless.txt", harmless));
        // The allowance is that exact key, not any key in an emulator-looking connection string.
        var other = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        Assert.Single(SecretScanner.Scan("x", $"AccountName=devstoreaccount1;AccountKey={other}"));
    }

    [Fact]
    public void ScanZip_KeyCompiledIntoAnAssemblyAsUtf16_Found()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var zipPath = Path.Combine(Directory.CreateTempSubdirectory("secrets-").FullName, "app.zip");
        try
        {
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                using (var dll = zip.CreateEntry("App.dll").Open())
                {
                    // Odd offset: a user string's characters can start on either byte parity in the heap.
                    dll.Write([0x4D, 0x5A, 0x00]);
                    dll.Write(Encoding.Unicode.GetBytes($"AccountKey={key};"));
                }

                using var settings = new StreamWriter(zip.CreateEntry("appsettings.json").Open());
                settings.Write($$"""{ "AzureWebJobsStorage": "AccountKey={{SecretScanner.AzuriteDevKey}}" }""");
            }

            var finding = Assert.Single(SecretScanner.ScanZip(zipPath));
            Assert.StartsWith("app.zip!App.dll (UTF-16", finding.Where, StringComparison.Ordinal);
            Assert.Equal("storage account key", finding.Kind);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(zipPath)!, recursive: true);
        }
    }

    private static string Token(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }

    /// <summary>What git tracks plus new files it does not ignore, so a secret is caught before its first commit.</summary>
    private static List<string> RepositoryFiles()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git ls-files failed in {RepositoryPaths.Root}: {error}");
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
    }
}
