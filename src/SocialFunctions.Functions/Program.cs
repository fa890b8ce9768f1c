using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SocialFunctions.Functions;
using SocialFunctions.Functions.Http;
using SocialFunctions.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Access check and storage-outage answers for every HTTP function (runs after the ASP.NET Core integration binds the request).
builder.UseMiddleware<HttpEdgeWorkerMiddleware>();
builder.Services.AddSocialFunctions(builder.Configuration);
builder.Services.AddTelemetry(builder.Configuration);
builder.Build().Run();
