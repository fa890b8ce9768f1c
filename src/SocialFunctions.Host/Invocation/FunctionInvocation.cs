using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialFunctions.Host.Invocation;

/// <summary>
/// The Functions host's invocation payload for non-HTTP triggers: <c>{"Data":{...},"Metadata":{...}}</c>. Values may
/// arrive as JSON objects or as JSON strings depending on the host version, so accessors are tolerant.
/// </summary>
public sealed class FunctionInvocation
{
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement>? Data { get; init; }

    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>A binding's value as text: a JSON string as is, anything else as its raw JSON.</summary>
    public string? GetString(string name)
    {
        if (Data is null || !Data.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>A binding's value as JSON, parsing it when the host sent it as a string.</summary>
    public JsonElement? GetJson(string name)
    {
        if (Data is null || !Data.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var document = JsonDocument.Parse(value.GetString() ?? "null");
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return value;
            }
        }

        return value;
    }

    /// <summary>True when a timer invocation says it is running late (the host was down at its occurrence).</summary>
    public bool IsPastDue(string timerName)
    {
        var timer = GetJson(timerName);
        return timer is { ValueKind: JsonValueKind.Object } t
               && t.TryGetProperty("IsPastDue", out var pastDue)
               && pastDue.ValueKind == JsonValueKind.True;
    }

    /// <summary>How many times the host has delivered this queue message (1 on the first attempt).</summary>
    public int DequeueCount =>
        Metadata is not null && Metadata.TryGetValue("DequeueCount", out var count)
            ? count.ValueKind == JsonValueKind.Number ? count.GetInt32() : int.TryParse(count.ToString(), out var parsed) ? parsed : 1
            : 1;
}

/// <summary>The response the host expects: outputs (none here), log lines it re-logs, and a return value.</summary>
public sealed class FunctionResult
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; init; } = [];

    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }

    public static FunctionResult Ok(params string[] logs) => new() { Logs = [.. logs] };

    public static FunctionResult Ok(object? returnValue, params string[] logs) => new() { Logs = [.. logs], ReturnValue = returnValue };
}
