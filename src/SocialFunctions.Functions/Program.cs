using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SocialFunctions.Functions;
using SocialFunctions.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSocialFunctions(builder.Configuration);
builder.Services.AddTelemetry(builder.Configuration);
builder.Build().Run();
