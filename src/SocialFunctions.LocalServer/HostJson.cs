using System.Globalization;
using System.Text.Json;

namespace SocialFunctions.LocalServer;

/// <summary>
/// The host.json settings the local server honours as the Functions host does: the HTTP route prefix, and the queue
/// trigger's maxDequeueCount, visibilityTimeout (retry delay after a failed invocation), batchSize and
/// newBatchThreshold (how many messages of one queue run at once). Defaults are the host's.
/// </summary>
/// <param name="RoutePrefix">Prefix of every HTTP route (<c>api</c>).</param>
/// <param name="MaxDequeueCount">Deliveries of a failing message before it moves to <c>{queue}-poison</c>.</param>
/// <param name="VisibilityTimeout">How long a failed message stays invisible before its next delivery.</param>
/// <param name="BatchSize">Messages fetched per receive and started together (the host allows 1–32; default 16).</param>
/// <param name="NewBatchThreshold">
/// A new batch is fetched only while at most this many messages are still running, so at most
/// <see cref="BatchSize"/> + this many run at once; null when host.json leaves it to the host's default
/// (<see cref="NewBatchThresholdFor"/>).
/// </param>
internal sealed record HostJson(string RoutePrefix, int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize = HostJson.DefaultBatchSize, int? NewBatchThreshold = null)
{
    public const string FileName = "host.json";

    public const int DefaultBatchSize = 16;

    /// <summary>The queue extension refuses a larger batch (one receive returns at most 32 messages).</summary>
    public const int MaxBatchSize = 32;

    public static readonly HostJson Defaults = new("api", 5, TimeSpan.Zero);

    /// <summary>
    /// The threshold in force: host.json's, else the queue extension's default <c>batchSize / 2 × processors</c>
    /// (processors counted as 1 on the classic Consumption plan, the machine's cores elsewhere).
    /// </summary>
    public int NewBatchThresholdFor(int processorCount) => NewBatchThreshold ?? BatchSize / 2 * Math.Max(1, processorCount);

    /// <summary>host.json beside the Functions assembly (the build links it there from the repository root).</summary>
    public static HostJson Load() => Load(Path.Combine(AppContext.BaseDirectory, FileName));

    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found; the Functions project copies host.json into the build output.", path);
        }

        return Parse(File.ReadAllText(path));
    }

    public static HostJson Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = document.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        var routePrefix = Find(extensions, "http", "routePrefix") is { ValueKind: JsonValueKind.String } prefix ? prefix.GetString()! : Defaults.RoutePrefix;
        var maxDequeueCount = Find(extensions, "queues", "maxDequeueCount") is { ValueKind: JsonValueKind.Number } count ? count.GetInt32() : Defaults.MaxDequeueCount;
        var visibility = Find(extensions, "queues", "visibilityTimeout") is { ValueKind: JsonValueKind.String } timeout
            ? TimeSpan.Parse(timeout.GetString()!, CultureInfo.InvariantCulture)
            : Defaults.VisibilityTimeout;
        var batchSize = Find(extensions, "queues", "batchSize") is { ValueKind: JsonValueKind.Number } batch ? batch.GetInt32() : DefaultBatchSize;
        int? threshold = Find(extensions, "queues", "newBatchThreshold") is { ValueKind: JsonValueKind.Number } t ? t.GetInt32() : null;
        return Validated(new HostJson(routePrefix.Trim('/'), maxDequeueCount, visibility, batchSize, threshold));
    }

    /// <summary>
    /// host.json with the app settings that override it, as the Functions host reads them
    /// (<c>AzureFunctionsJobHost__extensions__queues__batchSize</c> and so on; the queue settings and the route prefix).
    /// </summary>
    public HostJson WithOverrides(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queues = configuration.GetSection("AzureFunctionsJobHost:extensions:queues");
        var routePrefix = configuration["AzureFunctionsJobHost:extensions:http:routePrefix"];
        int? Int(string key) => queues[key] is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        return Validated(this with
        {
            RoutePrefix = routePrefix?.Trim('/') ?? RoutePrefix,
            MaxDequeueCount = Int("maxDequeueCount") ?? MaxDequeueCount,
            VisibilityTimeout = queues["visibilityTimeout"] is { Length: > 0 } v ? TimeSpan.Parse(v, CultureInfo.InvariantCulture) : VisibilityTimeout,
            BatchSize = Int("batchSize") ?? BatchSize,
            NewBatchThreshold = Int("newBatchThreshold") ?? NewBatchThreshold,
        });
    }

    /// <summary>The host refuses to start with queue settings out of range; so do we, rather than run differently.</summary>
    private static HostJson Validated(HostJson host) =>
        host.BatchSize is < 1 or > MaxBatchSize
            ? throw new InvalidOperationException($"host.json: extensions.queues.batchSize is {host.BatchSize}; the Functions host accepts 1 to {MaxBatchSize}.")
            : host.NewBatchThreshold < 0
                ? throw new InvalidOperationException($"host.json: extensions.queues.newBatchThreshold is {host.NewBatchThreshold}; the Functions host accepts 0 or more.")
                : host;

    private static JsonElement? Find(JsonElement element, params string[] path)
    {
        foreach (var property in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out element))
            {
                return null;
            }
        }

        return element;
    }
}
