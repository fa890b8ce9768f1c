using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SocialFunctions.LocalServer.Catalog;

/// <summary>
/// Every <c>[Function]</c> of the Functions app, read by reflection from its attributes — the one statement of each
/// route, method, schedule and queue. The Worker SDK reads the same attributes into functions.metadata for the host; a
/// test checks that the two readings agree.
/// </summary>
internal static class FunctionCatalog
{
    /// <summary>The declarations of the Functions app, sorted by name.</summary>
    public static IReadOnlyList<FunctionDeclaration> Functions { get; } = Read(typeof(SocialFunctions.Functions.FunctionsServiceCollectionExtensions).Assembly.GetTypes());

    /// <summary>The <c>[Function]</c> methods of <paramref name="types"/> (public methods, as the worker's executor takes them).</summary>
    public static IReadOnlyList<FunctionDeclaration> Read(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        const BindingFlags methods = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return types
            .SelectMany(type => type.GetMethods(methods))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.function is not null)
            .Select(m => Describe(m.function!.Name, m.method))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static FunctionDeclaration Describe(string name, MethodInfo method)
    {
        var triggers = method.GetParameters()
            .Select(p => (parameter: p, http: p.GetCustomAttribute<HttpTriggerAttribute>(), timer: p.GetCustomAttribute<TimerTriggerAttribute>(), queue: p.GetCustomAttribute<QueueTriggerAttribute>()))
            .Where(t => t.http is not null || t.timer is not null || t.queue is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            throw new InvalidOperationException(
                $"Function {name} ({method.DeclaringType?.Name}.{method.Name}) has {triggers.Count} trigger parameters; the local server runs functions with exactly one HTTP, timer or queue trigger.");
        }

        var (parameter, http, timer, queue) = triggers[0];
        if (http is not null)
        {
            var verbs = (http.Methods is { Length: > 0 } m ? m : ["get", "post", "put", "patch", "delete", "head", "options"])
                .Select(v => v.ToUpperInvariant())
                .ToList();
            return new FunctionDeclaration(name, method, parameter, TriggerKind.HttpTrigger, http.Route ?? name, verbs, http.AuthLevel.ToString(), null, null, null);
        }

        return timer is not null
            ? new FunctionDeclaration(name, method, parameter, TriggerKind.TimerTrigger, null, [], null, timer.Schedule, null, null)
            : new FunctionDeclaration(name, method, parameter, TriggerKind.QueueTrigger, null, [], null, null, queue!.QueueName, queue.Connection);
    }
}
