using System.ComponentModel;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using SocialFunctions.LocalServer.Catalog;

namespace SocialFunctions.LocalServer.Invocation;

/// <summary>What one invocation is given: the HTTP request, the timer's state or the queue message's text.</summary>
internal sealed record InvocationInput(HttpContext? Http = null, TimerInfo? Timer = null, string? QueueMessage = null);

/// <summary>
/// Calls a <c>[Function]</c> method the way the isolated worker does: an instance made by
/// <see cref="ActivatorUtilities"/> from a per-invocation scope, the trigger bound to the method's trigger parameter,
/// route values bound by parameter name, the invocation's <see cref="CancellationToken"/>. A queue message binds as
/// text, bytes or JSON (case-insensitive, like the worker's serializer); a message that does not bind fails the
/// invocation, as under the host.
/// </summary>
internal sealed class FunctionInvoker(IServiceProvider services)
{
    private static readonly JsonSerializerOptions WorkerJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Throws, naming the function and parameter, when the local server could not bind or answer for it.</summary>
    public static void EnsureSupported(FunctionDeclaration function)
    {
        ArgumentNullException.ThrowIfNull(function);
        foreach (var parameter in function.Method.GetParameters())
        {
            var supported = parameter == function.TriggerParameter
                ? function.Kind switch
                {
                    TriggerKind.HttpTrigger => parameter.ParameterType == typeof(HttpRequest),
                    TriggerKind.TimerTrigger => parameter.ParameterType == typeof(TimerInfo),
                    _ => true,
                }
                : parameter.ParameterType == typeof(CancellationToken)
                  || (function.Kind == TriggerKind.HttpTrigger && TypeDescriptor.GetConverter(parameter.ParameterType).CanConvertFrom(typeof(string)));
            if (!supported)
            {
                throw new NotSupportedException(
                    $"Function {function.Name}: the local server cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}). " +
                    "Use HttpRequest, TimerInfo, a queue message type, route values and CancellationToken.");
            }
        }

        if (function.Kind == TriggerKind.HttpTrigger && !typeof(IResult).IsAssignableFrom(ResultType(function.Method)))
        {
            throw new NotSupportedException($"Function {function.Name}: HTTP functions return an IResult (TypedResults) so the worker and the local server answer alike.");
        }
    }

    public async Task<object?> InvokeAsync(FunctionDeclaration function, InvocationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(input);
        await using var scope = services.CreateAsyncScope();
        var method = function.Method;
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters().Select(p => Bind(function, p, input, cancellationToken)).ToArray();
            object? returned;
            try
            {
                returned = method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            return await UnwrapAsync(returned, method.ReturnType);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Bind(FunctionDeclaration function, ParameterInfo parameter, InvocationInput input, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter == function.TriggerParameter)
        {
            return function.Kind switch
            {
                TriggerKind.HttpTrigger => input.Http?.Request ?? throw new InvalidOperationException($"{function.Name} is an HTTP function; invoke it with a request."),
                TriggerKind.TimerTrigger => input.Timer ?? new TimerInfo(),
                _ => BindMessage(parameter.ParameterType, input.QueueMessage ?? throw new InvalidOperationException($"{function.Name} is a queue function; invoke it with a message.")),
            };
        }

        // Route values bind by parameter name, as the worker binds trigger metadata.
        var raw = input.Http?.Request.RouteValues.TryGetValue(parameter.Name!, out var value) == true ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return raw is null || parameter.ParameterType == typeof(string)
            ? raw
            : TypeDescriptor.GetConverter(parameter.ParameterType).ConvertFromInvariantString(raw);
    }

    private static object? BindMessage(Type type, string text) =>
        type == typeof(string) ? text
        : type == typeof(byte[]) ? System.Text.Encoding.UTF8.GetBytes(text)
        : type == typeof(BinaryData) ? BinaryData.FromString(text)
        : JsonSerializer.Deserialize(text, type, WorkerJson);

    /// <summary>Awaits what the method returned, by its declared type, and gives back the result (null for none).</summary>
    private static async Task<object?> UnwrapAsync(object? returned, Type declared)
    {
        if (returned is null)
        {
            return null;
        }

        var generic = declared.IsGenericType ? declared.GetGenericTypeDefinition() : null;
        if (generic == typeof(ValueTask<>))
        {
            returned = declared.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
            declared = typeof(Task<>).MakeGenericType(declared.GetGenericArguments());
            generic = typeof(Task<>);
        }

        switch (returned)
        {
            case Task task:
                await task;
                return generic == typeof(Task<>) ? declared.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    private static Type ResultType(MethodInfo method)
    {
        var type = method.ReturnType;
        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;
    }
}
