namespace SocialFunctions.Testing;

/// <summary>Finds the Azurite executable the project's scripts installed (node_modules/.bin/azurite at the repo root).</summary>
public static class AzuriteLocator
{
    public static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AZURITE_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var repo = RepositoryPaths.Root;
        var inRepo = Path.Combine(repo, "node_modules", ".bin", "azurite");
        if (File.Exists(inRepo))
        {
            return inRepo;
        }

        throw new InvalidOperationException(
            "Azurite is not installed. Run `./run.sh test` (it installs Azurite from npm into the repository) " +
            "or `npm ci` at the repository root, or set AZURITE_PATH.");
    }
}
