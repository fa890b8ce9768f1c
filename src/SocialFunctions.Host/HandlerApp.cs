using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Host.Alerts;
using SocialFunctions.Host.Brands;
using SocialFunctions.Host.Health;
using SocialFunctions.Host.Hosting;
using SocialFunctions.Host.Ingest;
using SocialFunctions.Host.Problems;
using SocialFunctions.Host.Records;
using SocialFunctions.Host.Reporting;
using SocialFunctions.Host.Scheduling;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Reports;

namespace SocialFunctions.Host;

/// <summary>The composition root: every feature's Add…() and Map…() in one place. Tests build the same app.</summary>
public static class HandlerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var mode = builder.ConfigureHandlerUrls();

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddProblemDetails();

        // Binding failures (bad JSON, a date that is not a date) become exceptions our handler turns into a 400 that
        // names the parameter, instead of a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // One registration per adapter kind, and time from one provider.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddMail(builder.Configuration);
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.AddReports();
        builder.Services.AddIngest();
        builder.Services.AddBrands(builder.Configuration);
        builder.Services.AddReportModel(builder.Configuration);
        builder.Services.AddReportDelivery(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddStandaloneScheduling(mode);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealth();
        app.MapIngest();
        app.MapRecords();
        app.MapBrands();
        app.MapReportModel();
        app.MapReportDelivery();
        app.MapAlerts();
        return app;
    }
}
