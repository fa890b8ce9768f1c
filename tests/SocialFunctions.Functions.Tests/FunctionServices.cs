using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests;

/// <summary>
/// The worker's composition without any server: <c>AddSocialFunctions</c> over the assembly's Azurite (own prefix and
/// outbox) on a fake clock, function classes made by <see cref="ActivatorUtilities"/> as the worker makes them, requests as a
/// <see cref="DefaultHttpContext"/>, answers executed onto its response.
/// </summary>
internal sealed class FunctionServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public FunctionServices(AzuriteFixture azurite)
    {
        var prefix = AzuriteFixture.UniqueName("d")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Outbox:Path"] = Path.Combine(Path.GetTempPath(), "sf-outbox-" + prefix),
        }).Build();
        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(FunctionsServer.DefaultNow))
            .AddSocialFunctions(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _provider;

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_provider);

    public DefaultHttpContext Request(string method, string path, string? body = null, string? contentType = null)
    {
        var context = new DefaultHttpContext { RequestServices = _provider };
        context.Request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (body is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>Executes a function's answer as the worker's ASP.NET Core integration does, and reads it back.</summary>
    public static async Task<(int Status, string? ContentType, JsonElement Body)> AnswerAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.ContentType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
