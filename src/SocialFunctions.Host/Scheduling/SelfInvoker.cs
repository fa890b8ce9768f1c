using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SocialFunctions.Host.Scheduling;

/// <summary>
/// Invokes one of this handler's functions over loopback HTTP with the host's payload shape, so a standalone run goes
/// through exactly the code path the Functions host uses.
/// </summary>
public sealed class SelfInvoker(IServer server, IHttpClientFactory httpClientFactory)
{
    public async Task<HttpResponseMessage> InvokeAsync(string functionName, object payload, CancellationToken cancellationToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The server has no address yet.");
        var client = httpClientFactory.CreateClient(nameof(SelfInvoker));
        client.Timeout = Timeout.InfiniteTimeSpan;
        return await client.PostAsJsonAsync(new Uri(new Uri(address), functionName), payload, cancellationToken);
    }
}
