using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Teams;

public sealed class TeamsWebhookNotifierTests
{
    private static readonly byte[] Payload = """{"type":"message","attachments":[]}"""u8.ToArray();

    [Fact]
    public async Task PostAsync_TooManyRequestsThenOk_DeliversOnceAfterRetryAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.TooManyRequests(1), ScriptedResponse.Empty(HttpStatusCode.Accepted));
        using var http = new HttpClient();
        var notifier = Notifier(http);
        var started = TimeProvider.System.GetTimestamp();

        var delivery = await notifier.PostAsync(new Uri(server.BaseAddress, "workflows/abc?sig=secret"), Payload, ct);

        Assert.True(delivery.Delivered, delivery.Detail);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(Payload, r.Body));
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1), "Retry-After: 1 was not honoured");
        Assert.DoesNotContain("secret", $"{delivery.Where} {delivery.Detail}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_ServerErrorPersists_FailsWithReasonAfterBoundedAttempts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Json(HttpStatusCode.InternalServerError, """{"error":"flow failed"}""");
        using var http = new HttpClient();
        var notifier = Notifier(http, maxAttempts: 3);

        var delivery = await notifier.PostAsync(new Uri(server.BaseAddress, "workflows/abc?sig=secret"), Payload, ct);

        Assert.False(delivery.Delivered);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("HTTP 500", delivery.Detail, StringComparison.Ordinal);
        Assert.Contains("flow failed", delivery.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", delivery.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_BadRequest_FailsWithoutRetrying()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Json(HttpStatusCode.BadRequest, """{"error":"bad card"}""");
        using var http = new HttpClient();

        var delivery = await Notifier(http).PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct);

        Assert.False(delivery.Delivered);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PostAsync_EightPostsToOneWebhook_TakeAtLeastOneAndThreeQuarterSeconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        using var http = new HttpClient();
        var notifier = Notifier(http);
        var hook = new Uri(server.BaseAddress, $"rate/{Guid.NewGuid():N}");
        var started = TimeProvider.System.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => notifier.PostAsync(hook, Payload, ct)));

        // 4 per second: 8 posts need 7 intervals of 250 ms.
        Assert.Equal(8, server.Requests.Count);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(1750), "posts were not spaced");
    }

    private static TeamsWebhookNotifier Notifier(HttpClient http, int maxAttempts = 5) => new(
        http,
        Options.Create(new TeamsOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(20) }),
        TimeProvider.System,
        NullLogger<TeamsWebhookNotifier>.Instance);
}
