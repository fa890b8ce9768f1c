using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Host.Scheduling;

/// <summary>
/// Drains the queues of the queue functions when no Functions host is present, invoking each function with the host's
/// payload; a message that keeps failing moves to <c>{queue}-poison</c> after <see cref="SchedulingOptions.MaxDequeueCount"/>
/// deliveries, as the host does.
/// </summary>
public sealed partial class StandaloneQueuePump(
    IOptions<SchedulingOptions> options,
    StorageClients storage,
    SelfInvoker invoker,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<StandaloneQueuePump> logger) : BackgroundService
{
    private static readonly TimeSpan RetryVisibility = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = FunctionManifest.FindAppRoot(options.Value.AppRoot);
        if (!options.Value.QueuesEnabled || root is null)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var functions = FunctionManifest.ReadAll(root).Where(f => f.TriggerType == "queueTrigger" && f.QueueName is not null).ToList();
        await Task.WhenAll(functions.Select(f => PumpAsync(f, stoppingToken)));
    }

    private async Task PumpAsync(FunctionManifest function, CancellationToken stoppingToken)
    {
        QueueClient? queue = null;
        while (queue is null)
        {
            try
            {
                queue = await storage.QueueAsync(function.QueueName!, stoppingToken);
            }
            catch (RequestFailedException ex)
            {
                LogReceiveFailed(logger, function.Name, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), timeProvider, stoppingToken);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(maxMessages: 16, visibilityTimeout: TimeSpan.FromMinutes(5), stoppingToken)).Value;
            }
            catch (RequestFailedException ex)
            {
                LogReceiveFailed(logger, function.Name, ex);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Task.Delay(options.Value.QueuePollInterval, timeProvider, stoppingToken);
                continue;
            }

            foreach (var message in messages)
            {
                await HandleAsync(function, queue, message, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(FunctionManifest function, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        var payload = new
        {
            Data = new Dictionary<string, object> { [function.BindingName] = message.MessageText },
            Metadata = new
            {
                message.MessageId,
                Id = message.MessageId,
                message.DequeueCount,
                InsertionTime = message.InsertedOn,
                sys = new { MethodName = function.Name, UtcNow = timeProvider.GetUtcNow(), RandGuid = Guid.NewGuid() },
            },
        };
        bool succeeded;
        try
        {
            using var response = await invoker.InvokeAsync(function.Name, payload, stoppingToken);
            succeeded = response.IsSuccessStatusCode;
            LogInvoked(logger, function.Name, (int)response.StatusCode, message.DequeueCount);
        }
        catch (HttpRequestException ex)
        {
            LogInvokeFailed(logger, function.Name, ex);
            succeeded = false;
        }

        try
        {
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            }
            else if (message.DequeueCount >= options.Value.MaxDequeueCount)
            {
                var poison = await storage.QueueAsync(function.QueueName + "-poison", stoppingToken);
                await poison.SendMessageAsync(message.MessageText, stoppingToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
                LogPoisoned(logger, function.Name, message.DequeueCount);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: RetryVisibility, cancellationToken: stoppingToken);
            }
        }
        catch (RequestFailedException ex)
        {
            // E.g. the pop receipt expired during a long run: the message reappears and is handled again, as under the host.
            LogSettleFailed(logger, function.Name, ex);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Queue function {Function} invoked: HTTP {Status} (delivery {DequeueCount})")]
    private static partial void LogInvoked(ILogger logger, string function, int status, long dequeueCount);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Queue function {Function} could not be invoked")]
    private static partial void LogInvokeFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Queue function {Function}: message moved to the poison queue after {DequeueCount} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string function, long dequeueCount);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Queue function {Function}: the message could not be settled; it will be delivered again")]
    private static partial void LogSettleFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Queue function {Function}: receiving failed")]
    private static partial void LogReceiveFailed(ILogger logger, string function, Exception exception);
}
