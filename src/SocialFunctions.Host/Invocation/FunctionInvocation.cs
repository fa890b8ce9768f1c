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
