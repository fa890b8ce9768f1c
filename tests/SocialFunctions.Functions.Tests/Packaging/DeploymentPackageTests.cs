using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using SocialFunctions.Testing;

namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>
/// The zip eng/package.sh makes has what the host needs: host.json, the executable it names with +x, every function
/// folder. The script is run on a stand-in publish folder (publishing self-contained would take minutes); the real
/// package is checked too when CI or a developer has built it.
/// </summary>
public sealed class DeploymentPackageTests
{
    private static readonly Lazy<IReadOnlyList<string>> FunctionNames =
        new(() => FunctionManifest.LoadAll(RepositoryPaths.Root).Select(f => f.Name).ToList());

    [Fact]
    public async Task PackageScript_FromPublishFolder_ZipsHostJsonExecutableHandlerAndEveryFunction()
    {
        var work = Directory.CreateTempSubdirectory("package-").FullName;
        try
        {
            var publish = Directory.CreateDirectory(Path.Combine(work, "publish")).FullName;
            var handler = Path.Combine(publish, "handler");
            await File.WriteAllTextAsync(handler, "#!/bin/sh\n", TestContext.Current.CancellationToken);
            // Published without +x on purpose: the script must set it, as a zip made elsewhere would lack it.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(handler, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
            await File.WriteAllTextAsync(Path.Combine(publish, "handler.dll"), "stand-in", TestContext.Current.CancellationToken);
            var zipPath = Path.Combine(work, "out", "app.zip");

            var (exitCode, output) = await RunPackageScriptAsync(["--publish-dir", publish, "--output", zipPath], TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, output);
            Assert.Contains($"package: OK, {zipPath}", output, StringComparison.Ordinal);
            Assert.Empty(DeploymentPackage.FindProblems(zipPath, FunctionNames.Value));
            using var zip = ZipFile.OpenRead(zipPath);
            var names = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).ToHashSet();
            Assert.Contains("bin/handler.dll", names);
            Assert.Equal(Octal("755"), DeploymentPackage.UnixMode(zip.GetEntry("bin/handler")!));
            // Only what the host reads: no sources, infra or docs leak into the package.
            Assert.All(names, name => Assert.True(
                name == HostManifest.FileName || name.StartsWith("bin/", StringComparison.Ordinal) || FunctionNames.Value.Contains(name.Split('/')[0]),
                $"unexpected entry {name}"));
            Assert.False(Directory.Exists(Path.Combine(work, "out", "app.root")), "the staging folder was left behind");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void FindProblems_HandlerWithoutExecuteBitAndMissingFunction_ReportsBoth()
    {
        var zipPath = Path.Combine(Directory.CreateTempSubdirectory("package-").FullName, "broken.zip");
        try
        {
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                Write(zip, "host.json", """{ "customHandler": { "description": { "defaultExecutablePath": "bin/handler" } } }""", Octal("644"));
                Write(zip, "bin/handler", "#!/bin/sh", Octal("644"));
                Write(zip, "Health/function.json", "{}", Octal("644"));
            }

            var problems = DeploymentPackage.FindProblems(zipPath, ["Health", "IngestExport"]);

            Assert.Equal(
                [
                    "bin/handler has no execute bit (mode 644): the host cannot start it",
                    "IngestExport/function.json is not in the zip",
                ],
                problems);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(zipPath)!, recursive: true);
        }
    }

    [Fact]
    public void FindProblems_HostJsonNamesAMissingExecutable_ReportsIt()
    {
        var zipPath = Path.Combine(Directory.CreateTempSubdirectory("package-").FullName, "broken.zip");
        try
        {
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                Write(zip, "host.json", """{ "customHandler": { "description": { "defaultExecutablePath": "bin/handler" } } }""", Octal("644"));
                Write(zip, "handler", "#!/bin/sh", Octal("755"));
            }

            var problems = DeploymentPackage.FindProblems(zipPath, []);

            Assert.Equal(["host.json points at 'bin/handler', which is not in the zip"], problems);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(zipPath)!, recursive: true);
        }
    }

    [Fact]
    public void BuiltPackage_WhenPresent_HasHostJsonExecutableSelfContainedHandlerAndEveryFunction()
    {
        var zipPath = Path.Combine([RepositoryPaths.Root, .. DeploymentPackage.DefaultPath]);
        if (!File.Exists(zipPath))
        {
            Assert.Skip($"{string.Join('/', DeploymentPackage.DefaultPath)} not built; run eng/package.sh first");
        }

        Assert.Empty(DeploymentPackage.FindProblems(zipPath, FunctionNames.Value));
        using var zip = ZipFile.OpenRead(zipPath);
        using var runtimeConfig = JsonDocument.Parse(zip.GetEntry("bin/handler.runtimeconfig.json")!.Open());
        // Self-contained apps list includedFrameworks; framework-dependent ones list frameworks to find on the image.
        Assert.True(runtimeConfig.RootElement.GetProperty("runtimeOptions").TryGetProperty("includedFrameworks", out _), "bin/handler is not self-contained");
        Assert.NotNull(zip.GetEntry("bin/libSkiaSharp.so"));
    }

    private static int Octal(string digits) => Convert.ToInt32(digits, 8);

    private static void Write(ZipArchive zip, string name, string content, int mode)
    {
        var entry = zip.CreateEntry(name);
        entry.ExternalAttributes = mode << 16;
        using var writer = new StreamWriter(entry.Open());
        writer.Write(content);
    }

    private static async Task<(int ExitCode, string Output)> RunPackageScriptAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "eng", "package.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
