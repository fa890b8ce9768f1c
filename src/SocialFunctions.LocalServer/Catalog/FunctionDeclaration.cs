using System.Reflection;

namespace SocialFunctions.LocalServer.Catalog;

/// <summary>The trigger kinds the local server runs, named as in functions.metadata.</summary>
internal enum TriggerKind
{
    HttpTrigger,
    TimerTrigger,
    QueueTrigger,
}

/// <summary>
/// One <c>[Function]</c> method as its attributes declare it: what the Functions host reads (through the SDK's
/// functions.metadata) and what the local server serves. Properties a trigger kind does not use are null or empty.
/// </summary>
internal sealed record FunctionDeclaration(
    string Name,
    MethodInfo Method,
    ParameterInfo TriggerParameter,
    TriggerKind Kind,
    string? Route,
    IReadOnlyList<string> HttpMethods,
    string? AuthLevel,
    string? Schedule,
    string? QueueName,
    string? Connection)
{
    public override string ToString() => Kind switch
    {
        TriggerKind.HttpTrigger => $"{Name}: {string.Join('|', HttpMethods)} {Route}",
        TriggerKind.TimerTrigger => $"{Name}: timer {Schedule}",
        _ => $"{Name}: queue {QueueName}",
    };
}
