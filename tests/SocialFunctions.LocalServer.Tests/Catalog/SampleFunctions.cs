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

/// <summary>
/// A queue function that holds every invocation until the test releases it, and counts how many run at once (the
/// pump's concurrency tests).
/// </summary>
internal static class GatedQueueFunctions
{
    public const string Queue = "gated";

    private static int _running;
    private static int _maxRunning;
    private static int _completed;

    public static SemaphoreSlim Gate { get; private set; } = new(0);

    public static int Running => Volatile.Read(ref _running);

    public static int MaxRunning => Volatile.Read(ref _maxRunning);

    public static int Completed => Volatile.Read(ref _completed);

    public static void Reset()
    {
        Gate = new SemaphoreSlim(0);
        _running = _maxRunning = _completed = 0;
    }

    [Function("Gated")]
    public static async Task RunAsync([QueueTrigger(Queue)] string message, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _running);
        for (var max = MaxRunning; now > max; max = MaxRunning)
        {
            Interlocked.CompareExchange(ref _maxRunning, now, max);
        }

        try
        {
            await Gate.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _completed);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
