using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace SocialFunctions.LocalServer.Tests.Catalog;

/// <summary>Functions declared only for the catalog and invoker tests (never part of the app).</summary>
internal sealed class SampleFunctions
{
    [Function("Anything")]
    public static IResult Anything([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest request) => Results.Ok();

    [Function("Item")]
    public static async ValueTask<IResult> ItemAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{id}/{slug}")] HttpRequest request, int id, string slug, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return Results.Text($"{id + 1}:{slug}:{cancellationToken.CanBeCanceled}");
    }

    [Function("Nightly")]
    public static void Nightly([TimerTrigger("%NIGHTLY%")] TimerInfo timer)
    {
    }

    [Function("Orders")]
    public static Task OrdersAsync([QueueTrigger("orders", Connection = "Other")] Order message) => Task.CompletedTask;

    public static void NotAFunction()
    {
    }

    internal sealed record Order(string Id);
}

internal sealed class TwoTriggerFunctions
{
    [Function("Both")]
    public static void Both([QueueTrigger("a")] string first, [QueueTrigger("b")] string second)
    {
    }
}

internal sealed class UnbindableFunctions
{
    [Function("WantsContext")]
    public static IResult WantsContext([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request, FunctionContext context) => Results.Ok();

    [Function("ActionResult")]
    public static object ActionResult([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) => new();
}
