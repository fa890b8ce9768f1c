using Microsoft.Extensions.Options;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>Storage clients on the assembly's Azurite with a prefix of their own, so each test has its own tables and containers.</summary>
internal static class TestStorage
{
    public static StorageClients Create(AzuriteFixture azurite) =>
        new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = AzuriteFixture.UniqueName("t")[..14] }));
}
