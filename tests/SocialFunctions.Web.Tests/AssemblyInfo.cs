using SocialFunctions.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
