using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SocialFunctions.Core.Ports;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Infrastructure.Mail;

namespace SocialFunctions.Infrastructure.Tests.Mail;

public sealed class MailServiceCollectionExtensionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void ResolveMode_NothingConfigured_Outbox() => Assert.Equal(MailMode.Outbox, MailServiceCollectionExtensions.ResolveMode(Config()));

    [Fact]
    public void ResolveMode_TenantConfigured_Graph() =>
        Assert.Equal(MailMode.Graph, MailServiceCollectionExtensions.ResolveMode(Config(("Mail:Graph:TenantId", "00000000-0000-0000-0000-000000000001"))));

    [Fact]
    public void ResolveMode_ExplicitOutboxWithTenant_Outbox() =>
        Assert.Equal(MailMode.Outbox, MailServiceCollectionExtensions.ResolveMode(Config(("Mail:Mode", "outbox"), ("Mail:Graph:TenantId", "t"))));

    [Fact]
    public void ResolveMode_Unknown_ThrowsNamingSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => MailServiceCollectionExtensions.ResolveMode(Config(("Mail:Mode", "Smtp"))));

        Assert.Contains("Mail:Mode 'Smtp' must be Outbox or Graph.", error.Message, StringComparison.Ordinal);
        Assert.Equal("Mail:Mode", error.OptionsName);
    }

    [Fact]
    public void CreateCredential_SecretConfigured_ClientSecretCredential() =>
        Assert.IsType<Azure.Identity.ClientSecretCredential>(MailServiceCollectionExtensions.CreateCredential(new GraphMailOptions { TenantId = "t", ClientId = "c", ClientSecret = "s" }));

    [Fact]
    public void CreateCredential_OnlyClientId_UserAssignedManagedIdentity() =>
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(MailServiceCollectionExtensions.CreateCredential(new GraphMailOptions { ClientId = "c" }));

    [Fact]
    public void ResolveMode_BlankModeWithTenant_GraphAsTheTenantSays() =>
        Assert.Equal(MailMode.Graph, MailServiceCollectionExtensions.ResolveMode(Config(("Mail:Mode", " "), ("Mail:Graph:TenantId", "t"))));

    [Fact]
    public void ResolveMode_ExplicitGraphWithoutTenant_Graph() =>
        Assert.Equal(MailMode.Graph, MailServiceCollectionExtensions.ResolveMode(Config(("Mail:Mode", "GRAPH"))));

    [Fact]
    public void CreateCredential_CertificateConfigured_ClientCertificateCredential() =>
        Assert.IsType<Azure.Identity.ClientCertificateCredential>(MailServiceCollectionExtensions.CreateCredential(new GraphMailOptions { TenantId = "t", ClientId = "c", CertificatePath = "/etc/ssl/app.pfx" }));

    [Fact]
    public void CreateCredential_SecretButNoTenant_NotASecretCredential() =>
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(MailServiceCollectionExtensions.CreateCredential(new GraphMailOptions { ClientId = "c", ClientSecret = "s" }));

    [Fact]
    public void CreateCredential_TenantAndClientWithoutSecretOrCertificate_UserAssignedManagedIdentity() =>
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(MailServiceCollectionExtensions.CreateCredential(new GraphMailOptions { TenantId = "t", ClientId = "c", ClientSecret = " " }));

    [Fact]
    public void CreateCredential_NothingConfigured_DefaultChain() =>
        Assert.IsType<Azure.Identity.DefaultAzureCredential>(MailServiceCollectionExtensions.CreateCredential(new GraphMailOptions()));

    [Fact]
    public void AddMail_NoTenant_OneOutboxSenderAndOneModeAnnouncer()
    {
        var services = new ServiceCollection();

        services.AddMail(Config());

        Assert.Single(services, d => d.ServiceType == typeof(IMailSender));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Equal(typeof(OutboxMailSender), services.Single(d => d.ServiceType == typeof(IMailSender)).ImplementationType);
    }

    [Fact]
    public void AddMail_GraphMode_GraphSenderOnTheSdk6Client()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        var config = Config(("Mail:Mode", "Graph"), ("Mail:Graph:BaseUrl", "http://127.0.0.1:9/v1.0"), ("Mail:Graph:ClientId", "00000000-0000-0000-0000-000000000002"));
        services.AddSingleton(config);

        services.AddMail(config);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<GraphMailSender>(provider.GetRequiredService<IMailSender>());
    }

    [Fact]
    public void AddMail_EachSectionBoundToItsOptions()
    {
        // Catches: a section not bound, or bound under the wrong key: the app's mail settings silently ignored.
        var services = new ServiceCollection();
        var config = Config(("Mail:Mode", "Graph"), ("Mail:Graph:MaxSendAttempts", "7"), ("Outbox:Path", "custom/outbox"));
        services.AddSingleton(config);

        services.AddMail(config);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(MailMode.Graph, provider.GetRequiredService<IOptions<MailOptions>>().Value.Mode);
        Assert.Equal(7, provider.GetRequiredService<IOptions<GraphMailOptions>>().Value.MaxSendAttempts);
        Assert.Equal("custom/outbox", provider.GetRequiredService<IOptions<MailOutboxOptions>>().Value.Path);
    }

    [Theory]
    [InlineData("Mail:Graph:MaxSendAttempts", "0", "MaxSendAttempts")]
    [InlineData("Outbox:Path", "", "Path")]
    public void AddMail_InvalidSetting_RefusedAtStartNamingIt(string key, string value, string member)
    {
        // Catches: the options not validated at start-up (a bad setting would surface only at the first mail, a month later).
        var services = new ServiceCollection();
        var config = Config((key, value));
        services.AddSingleton(config);
        services.AddMail(config);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "Outbox (outbox folder {0})")]
    [InlineData("Outbox:Path", "mail-out", "Outbox (outbox folder {0})")]
    [InlineData("Mail:Mode", "Graph", "Graph (Microsoft Graph at " + MailDefaults.GraphBaseUrl + ")")]
    [InlineData("Mail:Graph:BaseUrl", "http://127.0.0.1:9/v1.0", "Graph (Microsoft Graph at http://127.0.0.1:9/v1.0)")]
    public async Task AddMail_AtStart_LogsTheActiveModeAndWhereMailGoes(string? key, string? value, string expected)
    {
        // Catches: the start-up line naming the wrong target (or a relative outbox path an operator cannot find).
        var ct = TestContext.Current.CancellationToken;
        var collector = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(collector)));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        var settings = new List<(string, string)>();
        if (key is not null)
        {
            settings.Add((key, value!));
        }

        if (key == "Mail:Graph:BaseUrl")
        {
            settings.Add(("Mail:Mode", "Graph"));
        }

        var config = Config([.. settings]);
        services.AddSingleton(config);
        services.AddMail(config);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHostedService>().StartAsync(ct);

        var record = Assert.Single(collector.GetSnapshot(), r => r.Id.Id == 2106);
        var outbox = Path.GetFullPath(value is not null && key == "Outbox:Path" ? value : MailDefaults.OutboxPath);
        Assert.Equal("Mail mode: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, outbox), record.Message);
    }
}
