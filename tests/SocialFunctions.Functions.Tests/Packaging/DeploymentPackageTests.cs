using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Packaging;

/// <summary>
/// The zip eng/package.sh makes is the publish output the Functions host needs. The script runs on a stand-in publish
/// folder (a real publish takes a minute); the real package is checked too when CI or a developer has built it
/// (./run.sh test packages before it tests).
/// </summary>
public sealed class DeploymentPackageTests
{
    private static readonly Lazy<IReadOnlyList<string>> FunctionNames = new(() => [.. FunctionsMetadata.LoadBuilt().Select(f => f.Name)]);

    [Fact]
    public async Task PackageScript_FromPublishFolder_ZipsItsWholeRootIncludingTheExtensionsFolder()
    {
        var work = Directory.CreateTempSubdirectory("package-").FullName;
        try
        {
            var publish = Directory.CreateDirectory(Path.Combine(work, "publish")).FullName;
            File.Copy(Path.Combine(RepositoryPaths.Root, "host.json"), Path.Combine(publish, "host.json"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, FunctionsMetadata.FileName), Path.Combine(publish, FunctionsMetadata.FileName));
            await File.WriteAllTextAsync(Path.Combine(publish, "worker.config.json"), """{ "description": { "defaultExecutablePath": "dotnet", "defaultWorkerPath": "App.dll" } }""", Ct);
            await File.WriteAllTextAsync(Path.Combine(publish, "App.dll"), "stand-in", Ct);
            Directory.CreateDirectory(Path.Combine(publish, ".azurefunctions"));
            await File.WriteAllTextAsync(Path.Combine(publish, ".azurefunctions", "Queues.dll"), "stand-in", Ct);
            await File.WriteAllTextAsync(Path.Combine(publish, "extensions.json"), """{ "extensions": [ { "name": "Queues", "hintPath": "./.azurefunctions/Queues.dll" } ] }""", Ct);
            var zipPath = Path.Combine(work, "out", "app.zip");

            var (exitCode, output) = await RunPackageScriptAsync(["--publish-dir", publish, "--output", zipPath]);

            Assert.True(exitCode == 0, output);
            Assert.Contains($"package: OK, {zipPath}", output, StringComparison.Ordinal);
            Assert.Contains($"functions.metadata ({FunctionNames.Value.Count} functions)", output, StringComparison.Ordinal);
            Assert.Empty(DeploymentPackage.FindProblems(zipPath, FunctionNames.Value));
            Assert.False(Directory.Exists(Path.Combine(work, "out", "app.root")), "the staging folder was left behind");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task PackageScript_PublishWithoutFunctionsMetadata_FailsNamingTheFile()
    {
        var work = Directory.CreateTempSubdirectory("package-").FullName;
        try
        {
            var publish = Directory.CreateDirectory(Path.Combine(work, "publish")).FullName;
            File.Copy(Path.Combine(RepositoryPaths.Root, "host.json"), Path.Combine(publish, "host.json"));
            await File.WriteAllTextAsync(Path.Combine(publish, "worker.config.json"), "{}", Ct);

            var (exitCode, output) = await RunPackageScriptAsync(["--publish-dir", publish, "--output", Path.Combine(work, "app.zip")]);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("no functions.metadata", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(work, "app.zip")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void FindProblems_CustomHandlerLeftoversMissingWorkerFunctionAndExtension_ReportsEach()
    {
        var zipPath = Path.Combine(Directory.CreateTempSubdirectory("package-").FullName, "broken.zip");
        try
        {
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                Write(zip, "host.json", """{ "version": "2.0", "customHandler": { "description": { "defaultExecutablePath": "handler" } } }""");
                Write(zip, "worker.config.json", """{ "description": { "defaultWorkerPath": "App.dll" } }""");
                Write(zip, "functions.metadata", """[ { "name": "Health", "bindings": [] } ]""");
                Write(zip, "extensions.json", """{ "extensions": [ { "name": "AzureStorageQueues", "hintPath": "./.azurefunctions/Queues.dll" } ] }""");
                Write(zip, DeploymentPackage.LocalServerAssembly, "");
            }

            var problems = DeploymentPackage.FindProblems(zipPath, ["Health", "IngestExport"]);

            Assert.Equal(
                [
                    "host.json has a customHandler section: an isolated-worker app brings its own bindings and worker",
                    "worker.config.json names 'App.dll' as the worker, which is not in the zip",
                    "functions.metadata does not list IngestExport",
                    "extensions.json points at .azurefunctions/Queues.dll, which is not in the zip: the host could not load AzureStorageQueues",
                    "SocialFunctions.LocalServer.dll is in the zip: the local server is for development only",
                ],
                problems);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(zipPath)!, recursive: true);
        }
    }

    [Fact]
    public void BuiltPackage_WhenPresent_IsTheFrameworkDependentLinuxPublishWithEveryFunction()
    {
        var zipPath = Path.Combine([RepositoryPaths.Root, .. DeploymentPackage.DefaultPath]);
        if (!File.Exists(zipPath))
        {
            Assert.Skip($"{string.Join('/', DeploymentPackage.DefaultPath)} not built; run ./run.sh package first");
        }

        Assert.Empty(DeploymentPackage.FindProblems(zipPath, FunctionNames.Value));
        using var zip = ZipFile.OpenRead(zipPath);
        using var runtimeConfig = JsonDocument.Parse(zip.GetEntry("SocialFunctions.Functions.runtimeconfig.json")!.Open());
        // Framework-dependent: Flex's dotnet-isolated 10.0 stack provides .NET and ASP.NET Core.
        var frameworks = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("frameworks").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("Microsoft.AspNetCore.App", frameworks);
        Assert.NotNull(zip.GetEntry("libSkiaSharp.so"));
        Assert.NotNull(zip.GetEntry(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }

    private static async Task<(int ExitCode, string Output)> RunPackageScriptAsync(string[] arguments)
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
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
