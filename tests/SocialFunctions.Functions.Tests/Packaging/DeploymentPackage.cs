using System.IO.Compression;

namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>Checks a deployment zip against what the Functions host needs to start the custom handler.</summary>
internal static class DeploymentPackage
{
    public const string BinFolder = "bin";

    /// <summary>The file eng/package.sh writes by default.</summary>
    public static readonly string[] DefaultPath = ["out", "package", "socialfunctions.zip"];

    /// <summary>Unix "x" bits for owner, group and others (0o111).</summary>
    private const int AnyExecuteBits = 0b001_001_001;

    /// <summary>One line per thing the host would miss: host.json, the executable it names (with +x), a function folder.</summary>
    public static IReadOnlyList<string> FindProblems(string zipPath, IEnumerable<string> functionNames)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entries = zip.Entries.ToDictionary(e => e.FullName.TrimStart('.', '/'), StringComparer.Ordinal);
        var problems = new List<string>();

        if (!entries.TryGetValue(HostManifest.FileName, out var hostEntry))
        {
            problems.Add("host.json is not at the root of the zip");
        }
        else
        {
            using var reader = new StreamReader(hostEntry.Open());
            var executable = HostManifest.Parse(reader.ReadToEnd()).DefaultExecutablePath;
            if (executable is null || !entries.TryGetValue(executable, out var executableEntry))
            {
                problems.Add($"host.json points at '{executable}', which is not in the zip");
            }
            else if ((UnixMode(executableEntry) & AnyExecuteBits) == 0)
            {
                problems.Add($"{executable} has no execute bit (mode {Convert.ToString(UnixMode(executableEntry), 8)}): the host cannot start it");
            }
        }

        foreach (var function in functionNames)
        {
            if (!entries.ContainsKey($"{function}/{FunctionManifest.FileName}"))
            {
                problems.Add($"{function}/{FunctionManifest.FileName} is not in the zip");
            }
        }

        return problems;
    }

    /// <summary>The permission bits zip tools store in the high half of the external attributes (made on Unix).</summary>
    public static int UnixMode(ZipArchiveEntry entry) => (entry.ExternalAttributes >> 16) & 0xFFF;
}
