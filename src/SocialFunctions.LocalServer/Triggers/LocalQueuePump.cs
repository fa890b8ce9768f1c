using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;

namespace SocialFunctions.LocalServer.Triggers;

/// <summary>
/// Drains the queue of every queue function and invokes it per message as the Functions host's queue listener does:
/// it receives up to host.json's <c>batchSize</c> messages at once and runs them concurrently, and fetches the next
/// batch as soon as no more than <c>newBatchThreshold</c> are still running — so at most batchSize + newBatchThreshold
/// messages of one queue run at a time. Poison handling is the host's too: a failed invocation makes the message
/// visible again after <c>visibilityTimeout</c>; once it has been delivered <c>maxDequeueCount</c> times it moves to
/// <c>{queue}-poison</c>.
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

    /// <summary>Messages of one queue started before the next batch is fetched (host.json batchSize).</summary>
    public int BatchSize => host.BatchSize;

    /// <summary>The next batch is fetched while at most this many messages are running (host.json newBatchThreshold or the host's default).</summary>
    public int NewBatchThreshold => host.NewBatchThresholdFor(Environment.ProcessorCount);

    /// <summary>Receives one batch and handles its messages concurrently; returns how many there were (tests drive the pump with it).</summary>
    public async Task<int> DrainOnceAsync(FunctionDeclaration function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var (queue, messages) = await ReceiveAsync(function, cancellationToken);
        await Task.WhenAll(messages.Select(m => HandleAsync(function, queue, m, cancellationToken)));
        return messages.Length;
    }

    private async Task<(QueueClient Queue, QueueMessage[] Messages)> ReceiveAsync(FunctionDeclaration function, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(function.QueueName!, cancellationToken);
        var messages = (await queue.ReceiveMessagesAsync(maxMessages: host.BatchSize, visibilityTimeout: ProcessingVisibility, cancellationToken)).Value;
        return (queue, messages);
    }

    private async Task PumpAsync(FunctionDeclaration function, CancellationToken stoppingToken)
    {
        var threshold = NewBatchThreshold;
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // As the host's listener: no new batch while more than newBatchThreshold messages are still running.
                while (running.Count > threshold)
                {
                    running.Remove(await Task.WhenAny(running));
                }

                QueueClient queue;
                QueueMessage[] messages;
                try
                {
                    (queue, messages) = await ReceiveAsync(function, stoppingToken);
                }
                catch (RequestFailedException ex)
                {
                    LogReceiveFailed(logger, function.Name, ex);
                    await Task.Delay(StorageRetryDelay, timeProvider, stoppingToken);
                    continue;
                }

                foreach (var message in messages)
                {
                    // Each on its own: a function that computes before its first await must not hold up the others.
                    running.Add(Task.Run(() => HandleAsync(function, queue, message, stoppingToken), CancellationToken.None));
                }

                running.RemoveWhere(t => t.IsCompleted);
                if (messages.Length == 0)
                {
                    await Task.Delay(options.Value.QueuePollInterval, timeProvider, stoppingToken);
                }
            }
        }
        finally
        {
            // Stopping: let the running invocations see the cancellation and settle before the pump ends.
            try
            {
                await Task.WhenAll(running);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
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
