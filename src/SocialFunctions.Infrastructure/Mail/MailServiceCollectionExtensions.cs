using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Authentication.Azure;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMailSender"/>: <see cref="GraphMailSender"/> when <c>Mail:Mode</c> is <c>Graph</c> (the default once
    /// <c>Mail:Graph:TenantId</c> is set), else <see cref="OutboxMailSender"/> writing <c>.eml</c> files to <c>Outbox:Path</c>.
    /// The active mode is logged at start-up. Call it once, from the composition root; needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MailOptions>().BindConfiguration("Mail");
        services.AddOptions<GraphMailOptions>().BindConfiguration("Mail:Graph").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOutboxOptions>().BindConfiguration("Outbox").ValidateDataAnnotations().ValidateOnStart();

        var mode = ResolveMode(configuration);
        if (mode == MailMode.Graph)
        {
            services.AddSingleton<IMailSender>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<GraphMailOptions>>();
                var time = sp.GetRequiredService<TimeProvider>();
                return new GraphMailSender(
                    GraphMailSender.CreateClient(options.Value, CreateAuthentication(options.Value), time),
                    GraphMailSender.CreateUploadClient(options.Value, time),
                    options,
                    time,
                    sp.GetRequiredService<ILogger<GraphMailSender>>());
            });
        }
        else
        {
            services.AddSingleton<IMailSender, OutboxMailSender>();
        }

        services.AddHostedService(sp => new MailModeAnnouncer(mode, configuration, sp.GetRequiredService<ILogger<MailModeAnnouncer>>()));
        return services;
    }

    /// <summary><c>Mail:Mode</c> when set, else Graph only when a tenant is configured.</summary>
    public static MailMode ResolveMode(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Mail:Mode"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<MailMode>(configured, ignoreCase: true, out var mode)
                ? mode
                : throw new OptionsValidationException("Mail:Mode", typeof(MailOptions), [$"Mail:Mode '{configured}' must be Outbox or Graph."]);
        }

        return MailDefaults.Mode(configuration["Mail:Graph:TenantId"]);
    }

    /// <summary>
    /// App-only credentials: a client secret or certificate of an app registration when configured, else the managed identity
    /// (user-assigned when <c>ClientId</c> is set), else the default chain (developer sign-in locally).
    /// </summary>
    public static TokenCredential CreateCredential(GraphMailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.TenantId) && !string.IsNullOrWhiteSpace(options.ClientId))
        {
            if (!string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
            }

            if (!string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                return new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath);
            }
        }

        return string.IsNullOrWhiteSpace(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
    }

    private static AzureIdentityAuthenticationProvider CreateAuthentication(GraphMailOptions options) =>
        new(CreateCredential(options), allowedHosts: null, observabilityOptions: null, isCaeEnabled: false, scopes: ["https://graph.microsoft.com/.default"]);

    private sealed class MailModeAnnouncer(MailMode mode, IConfiguration configuration, ILogger<MailModeAnnouncer> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var detail = mode == MailMode.Graph
                ? $"Microsoft Graph at {configuration["Mail:Graph:BaseUrl"] ?? MailDefaults.GraphBaseUrl}"
                : $"outbox folder {Path.GetFullPath(configuration["Outbox:Path"] ?? MailDefaults.OutboxPath)}";
            GraphMailLog.Mode(logger, mode, detail);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
