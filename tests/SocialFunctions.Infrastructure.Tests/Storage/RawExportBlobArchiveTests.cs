using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>"Nothing is lost": every uploaded file is kept as sent, under a name the user cannot choose.</summary>
public sealed class RawExportBlobArchiveTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 15, TimeSpan.Zero);

    [Fact]
    public async Task ArchiveAsync_NewFile_KeptAsSentUnderBrandAndHashWithItsNameAndTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var clients = TestStorage.Create(azurite);
        var archive = new RawExportBlobArchive(clients, new FakeTimeProvider(Now));
        var bytes = "Post ID,Date\n1,2026-10-01\n"u8.ToArray();

        var stored = await archive.ArchiveAsync(BrandName.Parse("contoso"), "9f86d081", "Octobre é/../x.csv", new MemoryStream(bytes), ct);

        Assert.True(stored);
        var container = await clients.ContainerAsync(StorageDefaults.RawExportsContainer, ct);
        var blob = container.GetBlobClient("contoso/9f86d081");
        var download = (await blob.DownloadContentAsync(ct)).Value;
        Assert.Equal(bytes, download.Content.ToArray());
        Assert.Equal("application/octet-stream", download.Details.ContentType);
        var metadata = download.Details.Metadata;
        Assert.Equal("contoso", metadata["brand"]);
        Assert.Equal("Octobre é/../x.csv", Uri.UnescapeDataString(metadata["originalname"]));
        Assert.DoesNotContain("/", metadata["originalname"], StringComparison.Ordinal);
        Assert.Equal("2026-11-02T09:30:15.0000000+00:00", metadata["receivedat"]);
    }

    [Fact]
    public async Task ArchiveAsync_SameContentAgain_FalseAndFirstCopyKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var clients = TestStorage.Create(azurite);
        var archive = new RawExportBlobArchive(clients, new FakeTimeProvider(Now));
        await archive.ArchiveAsync(BrandName.Parse("contoso"), "9f86d081", "first.csv", new MemoryStream("first"u8.ToArray()), ct);

        var again = await archive.ArchiveAsync(BrandName.Parse("contoso"), "9f86d081", "second.csv", new MemoryStream("second"u8.ToArray()), ct);

        Assert.False(again);
        var container = await clients.ContainerAsync(StorageDefaults.RawExportsContainer, ct);
        var download = (await container.GetBlobClient("contoso/9f86d081").DownloadContentAsync(ct)).Value;
        Assert.Equal("first"u8.ToArray(), download.Content.ToArray());
        Assert.Equal("first.csv", download.Details.Metadata["originalname"]);
    }

    [Fact]
    public async Task ArchiveAsync_SameHashOtherBrand_KeptSeparately()
    {
        var ct = TestContext.Current.CancellationToken;
        var clients = TestStorage.Create(azurite);
        var archive = new RawExportBlobArchive(clients, new FakeTimeProvider(Now));

        Assert.True(await archive.ArchiveAsync(BrandName.Parse("contoso"), "9f86d081", "a.csv", new MemoryStream("a"u8.ToArray()), ct));
        Assert.True(await archive.ArchiveAsync(BrandName.Parse("fabrikam"), "9f86d081", "a.csv", new MemoryStream("a"u8.ToArray()), ct));
    }
}
