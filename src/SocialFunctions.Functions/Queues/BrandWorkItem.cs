using System.Text.Json;

namespace SocialFunctions.Functions.Queues;

/// <summary>
/// The one message type of both work queues (<c>report-requests</c>, <c>series-checks</c>): <c>{"brand":"…"}</c>.
/// The queue triggers bind it from JSON (case-insensitive, as the worker's serializer reads); a message that does not
/// bind, or names no valid brand, fails its invocation and reaches <c>{queue}-poison</c> after host.json's
/// <c>maxDequeueCount</c> deliveries, where an operator can see it.
/// </summary>
internal sealed record BrandWorkItem(string Brand)
{
    /// <summary>The JSON text enqueued for <paramref name="brand"/>.</summary>
    public static string Serialize(string brand) => JsonSerializer.Serialize(new BrandWorkItem(brand), JsonSerializerOptions.Web);
}

/// <summary>A queue message that can never be processed; throwing it lets the host's poison handling take over.</summary>
internal sealed class InvalidWorkItemException(string message) : Exception(message);
