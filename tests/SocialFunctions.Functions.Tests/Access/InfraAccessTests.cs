using System.Text.RegularExpressions;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Access;

/// <summary>
/// The Bicep puts Entra ID sign-in (App Service authentication) in front of the app and hands the worker its part of the
/// access check; what SECURITY.md and docs/deploy.md promise is what infra/ deploys.
/// </summary>
public sealed partial class InfraAccessTests
{
    private static string Infra(params string[] path) => File.ReadAllText(Path.Combine([RepositoryPaths.Root, "infra", .. path]));

    [Fact]
    public void FunctionBicep_SignIn_RequiredForEveryRequestWithEntraIdAndNoSecret()
    {
        var function = Infra("app", "function.bicep");
        var auth = AuthSettings().Match(function);

        Assert.True(auth.Success, "function.bicep defines Microsoft.Web/sites/config 'authsettingsV2'");
        var block = auth.Value;
        Assert.Contains("requireAuthentication: true", block, StringComparison.Ordinal);
        Assert.Contains("unauthenticatedClientAction: 'RedirectToLoginPage'", block, StringComparison.Ordinal);
        Assert.Contains("azureActiveDirectory:", block, StringComparison.Ordinal);
        Assert.Contains("requireHttps: true", block, StringComparison.Ordinal);
        Assert.DoesNotContain("clientSecret", block, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MainBicep_RequiredRole_PassedToTheWorkersCheck()
    {
        var main = Infra("main.bicep");

        Assert.Contains("Access__RequiredRole: authRequiredRole", main, StringComparison.Ordinal);
        Assert.Contains("authClientId: authClientId", main, StringComparison.Ordinal);
        Assert.Matches(@"param authRequiredRole string = 'SocialFunctions\.User'", main);
    }

    [GeneratedRegex(@"resource \w+ 'Microsoft\.Web/sites/config@[^']+' = [^\n]*\{\s*parent: site\s*name: 'authsettingsV2'.*?\n\}", RegexOptions.Singleline)]
    private static partial Regex AuthSettings();
}
