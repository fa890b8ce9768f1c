using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>Work items through Storage Queues (plain text messages, as host.json's messageEncoding "none" expects).</summary>
public sealed class StorageQueue(StorageClients clients) : IWorkQueue
{
    public async Task EnqueueAsync(string queueName, string message, CancellationToken cancellationToken)
    {
        var queue = await clients.QueueAsync(queueName, cancellationToken);
        await queue.SendMessageAsync(message, cancellationToken);
    }
}
