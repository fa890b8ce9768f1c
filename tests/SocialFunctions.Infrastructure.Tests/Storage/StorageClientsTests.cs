using Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>How the app reaches its storage account: configuration, names with the prefix, create-once, bounded retries.</summary>
public sealed class StorageClientsTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Constructor_NothingConfigured_RefusedSayingWhatToSet()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new StorageClients(Options.Create(new StorageOptions { ConnectionString = " " })));

        Assert.Contains("No storage configured: set AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AccountName_TheAccountsPublicEndpoints()
    {
        var clients = new StorageClients(Options.Create(new StorageOptions { AccountName = "contosodata", ClientId = "00000000-0000-0000-0000-000000000003" }));

        Assert.Equal(new Uri("https://contosodata.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://contosodata.blob.core.windows.net/"), clients.Blobs.Uri);
        Assert.Equal(new Uri("https://contosodata.queue.core.windows.net/"), clients.Queues.Uri);
    }

    [Fact]
    public void Constructor_ServiceUris_WinOverTheAccountsDefaults()
    {
        var clients = new StorageClients(Options.Create(new StorageOptions
        {
            TableServiceUri = new Uri("https://tables.example.net/"),
            BlobServiceUri = new Uri("https://blobs.example.net/"),
            QueueServiceUri = new Uri("https://queues.example.net/"),
        }));

        Assert.Equal(new Uri("https://tables.example.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://blobs.example.net/"), clients.Blobs.Uri);
        Assert.Equal(new Uri("https://queues.example.net/"), clients.Queues.Uri);
    }

    [Fact]
    public void Constructor_ConnectionStringAndAccountName_ConnectionStringWins()
    {
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, AccountName = "contosodata" }));

        Assert.Equal(azurite.TablePort, clients.Tables.Uri.Port);
        Assert.Equal(azurite.BlobPort, clients.Blobs.Uri.Port);
        Assert.Equal(azurite.QueuePort, clients.Queues.Uri.Port);
    }

    [Theory]
    [InlineData("", "uploads", "uploads")]
    [InlineData("t1", "uploads", "t1-uploads")]
    public void QueueName_Prefix_JoinedWithAHyphen(string prefix, string name, string expected) =>
        Assert.Equal(expected, new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = prefix })).QueueName(name));

    [Fact]
    public async Task TableContainerQueue_FirstUse_CreatedWithThePrefixOnceAndShared()
    {
        var prefix = AzuriteFixture.UniqueName("p")[..12];
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = prefix }));

        var table = await clients.TableAsync("runs", Ct);
        var container = await clients.ContainerAsync("files", Ct);
        var queue = await clients.QueueAsync("work", Ct);

        Assert.Equal(prefix + "runs", table.Name);
        Assert.Equal(prefix + "files", container.Name);
        Assert.Equal(prefix + "-work", queue.Name);
        Assert.True((await container.ExistsAsync(Ct)).Value);
        Assert.True((await queue.ExistsAsync(Ct)).Value);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"), cancellationToken: Ct);
        Assert.Same(table, await clients.TableAsync("runs", Ct));
        Assert.Same(container, await clients.ContainerAsync("files", Ct));
        Assert.Same(queue, await clients.QueueAsync("work", Ct));
    }

    [Fact]
    public async Task TableAsync_CreateFailedOnce_TriedAgainOnTheNextCall()
    {
        await using var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Table), Ct);
        var refused = 0;
        proxy.Rule = _ => Interlocked.Increment(ref refused) == 1 ? new ProxyFault(ProxyFaultKind.Status) { Status = 400 } : null;
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionStringVia(table: proxy.Address), Prefix = AzuriteFixture.UniqueName("p")[..12] }));

        await Assert.ThrowsAsync<RequestFailedException>(() => clients.TableAsync("runs", Ct));
        var table = await clients.TableAsync("runs", Ct);

        Assert.Equal(2, proxy.Requests.Count);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"), cancellationToken: Ct);
    }

    [Fact]
    public async Task Requests_ServiceKeepsFailing_RetriedExactlyMaxRetriesTimes()
    {
        await using var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Table), Ct);
        proxy.Rule = _ => ProxyFault.ServerBusy();
        var clients = new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = azurite.ConnectionStringVia(table: proxy.Address),
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        }));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => clients.TableAsync("runs", Ct));

        Assert.True(StorageFaults.IsUnavailable(error, Ct), error.ToString());
        Assert.Equal(3, proxy.Requests.Count);
    }

    [Fact]
    public async Task EnqueueAsync_Message_StoredAsPlainText()
    {
        // host.json reads queue messages with messageEncoding "none": a base64-encoded message would reach the function garbled.
        var prefix = AzuriteFixture.UniqueName("p")[..12];
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = prefix }));
        var queue = new StorageQueue(clients);

        await queue.EnqueueAsync("series-checks", """{"brand":"contoso"}""", Ct);

        var raw = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, prefix + "-series-checks");
        var message = Assert.Single((await raw.ReceiveMessagesAsync(maxMessages: 10, cancellationToken: Ct)).Value);
        Assert.Equal("""{"brand":"contoso"}""", message.MessageText);
    }

    [Fact]
    public void AddStorage_FunctionsConnectionSetting_ReadFirstThenTheStorageSection()
    {
        var options = Bound(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
            ("Storage:Prefix", "abc1"),
            ("Storage:MaxRetries", "7"));

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal("abc1", options.Prefix);
        Assert.Equal(7, options.MaxRetries);
        Assert.Null(options.AccountName);
    }

    [Fact]
    public void AddStorage_ManagedIdentitySettings_AccountClientAndServiceUris()
    {
        var options = Bound(
            ("AzureWebJobsStorage:accountName", "contosodata"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000004"),
            ("AzureWebJobsStorage:tableServiceUri", "https://t.example.net/"),
            ("AzureWebJobsStorage:blobServiceUri", "https://b.example.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "not a uri"));

        Assert.Null(options.ConnectionString);
        Assert.Equal("contosodata", options.AccountName);
        Assert.Equal("00000000-0000-0000-0000-000000000004", options.ClientId);
        Assert.Equal(new Uri("https://t.example.net/"), options.TableServiceUri);
        Assert.Equal(new Uri("https://b.example.net/"), options.BlobServiceUri);
        Assert.Null(options.QueueServiceUri);
    }

    [Fact]
    public void AddStorage_PrefixNotLowerCaseLettersAndDigits_RefusedNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bound(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("Storage:Prefix", "Bad_Prefix")));

        Assert.Contains("Storage:Prefix must be up to 20 lower-case letters or digits.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStorage_EveryPortOnce()
    {
        var services = new ServiceCollection();

        services.AddStorage(new ConfigurationBuilder().Build());

        foreach (var port in new[] { typeof(IRecordStore), typeof(IUploadLog), typeof(IRawExportArchive), typeof(IBrandSettingsStore), typeof(ICommentaryStore), typeof(IReportRunStore), typeof(IDigestRunStore), typeof(IReportArchive), typeof(ISeriesStateStore), typeof(IWorkQueue), typeof(StorageClients), typeof(StorageHealth) })
        {
            Assert.Single(services, d => d.ServiceType == port);
        }
    }

    private static StorageOptions Bound(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddStorage(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<StorageOptions>>().Value;
    }
}
