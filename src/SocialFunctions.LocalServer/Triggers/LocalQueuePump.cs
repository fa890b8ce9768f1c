using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;

namespace SocialFunctions.LocalServer.Triggers;

/// <summary>
/// Drains the queue of every queue function and invokes it per message, with the host's poison handling: a failed
/// invocation makes the message visible again after host.json's <c>visibilityTimeout</c>; once it has been delivered
/// <c>maxDequeueCount</c> times it moves to <c>{queue}-poison</c>. Messages are handled one at a time per queue.
/// </summary>
internal sealed partial class LocalQueuePump(
    IEnumerable<FunctionDeclaration> functions,
    FunctionInvoker invoker,
    HostJson host,
    StorageClients storage,
    IOptions<LocalServerOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<LocalQueuePump> logger) : BackgroundService
{
    private static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StorageRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Every queue function the pump drains.</summary>
    public IReadOnlyList<FunctionDeclaration> QueueFunctions { get; } = [.. functions.Where(f => f.Kind == TriggerKind.QueueTrigger)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.QueuesEnabled)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await Task.WhenAll(QueueFunctions.Select(f => PumpAsync(f, stoppingToken)));
    }

    /// <summary>Receives and handles one batch of messages; returns how many there were (tests drive the pump with it).</summary>
    public async Task<int> DrainOnceAsync(FunctionDeclaration function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var queue = await storage.QueueAsync(function.QueueName!, cancellationToken);
        var messages = (await queue.ReceiveMessagesAsync(maxMessages: 16, visibilityTimeout: ProcessingVisibility, cancellationToken)).Value;
        foreach (var message in messages)
        {
            await HandleAsync(function, queue, message, cancellationToken);
        }

        return messages.Length;
    }

    private async Task PumpAsync(FunctionDeclaration function, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await DrainOnceAsync(function, stoppingToken);
            }
            catch (RequestFailedException ex)
            {
                LogReceiveFailed(logger, function.Name, ex);
                await Task.Delay(StorageRetryDelay, timeProvider, stoppingToken);
                continue;
            }

            if (received == 0)
            {
                await Task.Delay(options.Value.QueuePollInterval, timeProvider, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(FunctionDeclaration function, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        bool succeeded;
        try
        {
            await invoker.InvokeAsync(function, new InvocationInput(QueueMessage: message.MessageText), stoppingToken);
            succeeded = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, function.Name, message.DequeueCount, ex);
            succeeded = false;
        }

        try
        {
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            }
            else if (message.DequeueCount >= host.MaxDequeueCount)
            {
                var poison = await storage.QueueAsync(function.QueueName + "-poison", stoppingToken);
                await poison.SendMessageAsync(message.MessageText, stoppingToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
                LogPoisoned(logger, function.Name, message.DequeueCount, function.QueueName + "-poison");
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: host.VisibilityTimeout, cancellationToken: stoppingToken);
            }
        }
        catch (RequestFailedException ex)
        {
            // E.g. the pop receipt expired during a long run: the message reappears and is handled again, as under the host.
            LogSettleFailed(logger, function.Name, ex);
        }
    }

    [LoggerMessage(5101, LogLevel.Warning, "Queue function {Function} failed on delivery {DequeueCount}")]
    private static partial void LogFailed(ILogger logger, string function, long dequeueCount, Exception exception);

    [LoggerMessage(5103, LogLevel.Warning, "Queue function {Function}: message moved to {PoisonQueue} after {DequeueCount} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string function, long dequeueCount, string poisonQueue);

    [LoggerMessage(5104, LogLevel.Warning, "Queue function {Function}: receiving failed")]
    private static partial void LogReceiveFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(5105, LogLevel.Warning, "Queue function {Function}: the message could not be settled; it will be delivered again")]
    private static partial void LogSettleFailed(ILogger logger, string function, Exception exception);
}
