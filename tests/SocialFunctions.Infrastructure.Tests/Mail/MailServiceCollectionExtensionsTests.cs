using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
}
