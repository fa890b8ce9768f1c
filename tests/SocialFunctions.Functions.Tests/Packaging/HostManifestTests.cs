using System.Xml.Linq;
using SocialFunctions.Testing;

namespace SocialFunctions.Host.Tests.Packaging;

public sealed class HostManifestTests
{
    [Fact]
    public void HostJson_DefaultExecutablePath_IsTheHostAssemblyInTheBinFolderThePackageFills()
    {
        var host = HostManifest.Load(Path.Combine(RepositoryPaths.Root, HostManifest.FileName));
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "SocialFunctions.Host", "SocialFunctions.Host.csproj"));
        var assemblyName = project.Descendants("AssemblyName").Select(e => e.Value.Trim()).Single();

        // eng/package.sh publishes the Host into bin/; on Linux the executable has no extension.
        Assert.Equal($"{DeploymentPackage.BinFolder}/{assemblyName}", host.DefaultExecutablePath);
    }

    [Fact]
    public void HostJson_ExtensionBundle_IsVersion4OrLaterAsFlexConsumptionRequires()
    {
        var host = HostManifest.Load(Path.Combine(RepositoryPaths.Root, HostManifest.FileName));

        Assert.NotNull(host.ExtensionBundleVersion);
        Assert.Matches(@"^\[([4-9]|\d{2,})\.", host.ExtensionBundleVersion);
    }

    [Fact]
    public void Parse_NoHttpExtension_RoutePrefixDefaultsToApi()
    {
        var host = HostManifest.Parse("""{ "version": "2.0", "customHandler": { "description": { "defaultExecutablePath": "handler" } } }""");

        Assert.Equal(new HostManifest("handler", "api", null), host);
    }

    [Fact]
    public void Parse_EmptyRoutePrefix_KeepsItEmpty()
    {
        var host = HostManifest.Parse("""{ "extensions": { "http": { "routePrefix": "" } } }""");

        Assert.Equal("", host.RoutePrefix);
        Assert.Null(host.DefaultExecutablePath);
    }
}
