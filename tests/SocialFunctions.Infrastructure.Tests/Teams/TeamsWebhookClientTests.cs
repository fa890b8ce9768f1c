using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Teams;

public sealed class TeamsWebhookClientTests
{
    private static readonly byte[] Payload = """{"type":"message","attachments":[]}"""u8.ToArray();
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task PostAsync_TooManyRequestsThenOk_WaitsRetryAfterOnTheClockAndDeliversOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        server.Enqueue(r => { seenAt.Enqueue(time.GetUtcNow()); return ScriptedResponse.TooManyRequests(7); });
        server.Enqueue(r => { seenAt.Enqueue(time.GetUtcNow()); return ScriptedResponse.Empty(HttpStatusCode.Accepted); });
        using var client = Client(time);

        var delivery = await FakeClock.RunAsync(time, () => client.PostAsync(new Uri(server.BaseAddress, "workflows/abc?sig=secret"), Payload, ct), Step, TimeSpan.FromMinutes(1));

        Assert.True(delivery.Delivered, delivery.Detail);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(Payload, r.Body));
        var waited = seenAt.Last() - seenAt.First();
        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) + (20 * Step));
        Assert.DoesNotContain("secret", $"{delivery.Where} {delivery.Detail}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_RetryAfterBeyondCap_WaitsOnlyTheCap()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var time = new FakeTimeProvider();
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        server.Enqueue(r => { seenAt.Enqueue(time.GetUtcNow()); return ScriptedResponse.TooManyRequests(3600); });
        server.Enqueue(r => { seenAt.Enqueue(time.GetUtcNow()); return ScriptedResponse.Empty(HttpStatusCode.Accepted); });
        using var client = Client(time, new TeamsOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) });

        var delivery = await FakeClock.RunAsync(time, () => client.PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.True(delivery.Delivered, delivery.Detail);
        Assert.InRange(seenAt.Last() - seenAt.First(), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task PostAsync_ServiceUnavailablePersists_FailsWithReasonAfterBoundedAttempts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Json(HttpStatusCode.ServiceUnavailable, """{"error":"flow failed"}""");
        var time = new FakeTimeProvider();
        using var client = Client(time, new TeamsOptions { MaxAttempts = 3 });

        var delivery = await FakeClock.RunAsync(time, () => client.PostAsync(new Uri(server.BaseAddress, "workflows/abc?sig=secret"), Payload, ct), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.False(delivery.Delivered);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("gave up after 3 attempts", delivery.Detail, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", delivery.Detail, StringComparison.Ordinal);
        Assert.Contains("flow failed", delivery.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", delivery.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_OneAttemptConfigured_503FailsAfterThatOneAttempt()
    {
        // Catches: MaxAttempts = 1 (inside its documented range) building a retry of zero retries, which Polly refuses:
        // every card would fail with an exception instead of being posted once.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Json(HttpStatusCode.ServiceUnavailable, """{"error":"flow failed"}""");
        var time = new FakeTimeProvider();
        using var client = Client(time, new TeamsOptions { MaxAttempts = 1 });

        var delivery = await FakeClock.RunAsync(time, () => client.PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.False(delivery.Delivered);
        Assert.Single(server.Requests);
        Assert.Contains("HTTP 503", delivery.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task PostAsync_AnswerLeavesTheOutcomeUnknown_NotPostedAgainAndReportedWithTheDoubt(HttpStatusCode status)
    {
        // A gateway that answers 504 after the flow took the card: posting again would put a second card in the channel.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Empty(status);
        using var client = Client(new FakeTimeProvider());

        var delivery = await client.PostAsync(new Uri(server.BaseAddress, "workflows/abc?sig=secret"), Payload, ct);

        Assert.Single(server.Requests);
        Assert.True(delivery.Delivered);
        Assert.Contains("outcome unknown", delivery.Detail, StringComparison.Ordinal);
        Assert.Contains($"HTTP {(int)status}", delivery.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", delivery.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_ConnectionRefused_TriedAgainBecauseNothingWasSent()
    {
        var ct = TestContext.Current.CancellationToken;
        var closedPort = new Uri($"http://127.0.0.1:{ClosedPort()}/hook");
        var time = new FakeTimeProvider();
        using var client = Client(time, new TeamsOptions { MaxAttempts = 3 });

        var delivery = await FakeClock.RunAsync(time, () => client.PostAsync(closedPort, Payload, ct), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.False(delivery.Delivered);
        Assert.Contains("gave up after 3 attempts", delivery.Detail, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task PostAsync_BadRequest_FailsWithoutRetrying()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Json(HttpStatusCode.BadRequest, """{"error":"bad card"}""");
        using var client = Client(new FakeTimeProvider());

        var delivery = await client.PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct);

        Assert.False(delivery.Delivered);
        Assert.Contains("bad card", delivery.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PostAsync_SecondPostWhileTheWebhooksTokenIsSpent_WaitsItsTurnOtherWebhookDoesNot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);

        // One post per 10 s and no queue: a second post to the same webhook within the period is refused at once,
        // while a post to another webhook has its own pacing.
        using var client = Client(new FakeTimeProvider(), new TeamsOptions { MaxPostsPerSecond = 0.1, MaxQueuedPosts = 0 });
        var hook = new Uri(server.BaseAddress, "rate/a");

        var first = await client.PostAsync(hook, Payload, ct);
        var second = await client.PostAsync(hook, Payload, ct);
        var other = await client.PostAsync(new Uri(server.BaseAddress, "rate/b"), Payload, ct);

        Assert.True(first.Delivered);
        Assert.False(second.Delivered);
        Assert.Contains("too many posts queued", second.Detail, StringComparison.Ordinal);
        Assert.True(other.Delivered);
        Assert.Equal(["/rate/a", "/rate/b"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task PostAsync_Accepted_PostsThePayloadAsUtf8Json()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted);
        using var client = Client(new FakeTimeProvider());

        var delivery = await client.PostAsync(new Uri(server.BaseAddress, "hook?sig=secret"), Payload, ct);

        Assert.Equal(new Core.Alerts.AlertDelivery(true, "teams", "Teams Workflows webhook"), delivery);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hook?sig=secret", request.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(Payload, request.Body);
    }

    [Fact]
    public async Task PostAsync_BadRequestOnce_ReasonAloneWithoutAttemptCount()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Json(HttpStatusCode.BadRequest, """{"error":"bad card"}""");
        using var client = Client(new FakeTimeProvider());

        var delivery = await client.PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct);

        Assert.Equal("HTTP 400 Bad Request: {\"error\":\"bad card\"}", delivery.Detail);
        Assert.Equal(("teams", "Teams Workflows webhook"), (delivery.Channel, delivery.Where));
    }

    [Theory]
    [InlineData(300, false)]
    [InlineData(301, true)]
    public async Task PostAsync_LongErrorBody_CutAt300Characters(int length, bool cut)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var body = new string('e', length);
        server.DefaultResponse = _ => ScriptedResponse.Json(HttpStatusCode.Forbidden, body);
        using var client = Client(new FakeTimeProvider());

        var delivery = await client.PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct);

        Assert.False(delivery.Delivered);
        Assert.Equal($"HTTP 403 Forbidden: {(cut ? new string('e', 300) + "…" : body)}", delivery.Detail);
    }

    [Fact]
    public async Task PostAsync_RequestTimeoutThenAccepted_RetriedAndDeliveredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.Empty(HttpStatusCode.RequestTimeout), ScriptedResponse.Empty(HttpStatusCode.Accepted));
        var time = new FakeTimeProvider();

        // An attempt's own timeout far beyond the fake time this test lets pass, so only the 408 decides.
        using var client = Client(time, new TeamsOptions { Timeout = TimeSpan.FromMinutes(10) });

        var delivery = await FakeClock.RunAsync(time, () => client.PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));

        Assert.True(delivery.Delivered, delivery.Detail);
        Assert.Null(delivery.Detail);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_AttemptTimesOut_NotPostedAgainAndReportedWithTheDoubt()
    {
        // The flow may have the card although no answer came back in time: posting again could double it.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted) with { Delay = TimeSpan.FromMinutes(1) };
        var time = new FakeTimeProvider();
        using var client = Client(time, new TeamsOptions { Timeout = TimeSpan.FromSeconds(5) });

        // The clock moves only once the flow has the request, so the attempt times out after sending, not before.
        var post = client.PostAsync(new Uri(server.BaseAddress, "hook"), Payload, ct);
        await WaitUntilAsync(() => server.Requests.Count > 0, ct);
        var delivery = await FakeClock.RunAsync(time, () => post, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.Equal(
            new Core.Alerts.AlertDelivery(true, "teams", "Teams Workflows webhook", "outcome unknown (timed out after 5 s); not posted again, so the card is not doubled: check the channel"),
            delivery);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PostAsync_ConnectionDroppedAfterSending_NotPostedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress, ct);
        proxy.Rule = _ => ProxyFault.ConnectionReset;

        // The fake clock stands still: no attempt times out, and a retry (if any) would wait forever, failing the bound below.
        using var client = Client(new FakeTimeProvider());

        var delivery = await client.PostAsync(new Uri(proxy.Address, "hook"), Payload, ct).WaitAsync(TimeSpan.FromMinutes(1), ct);

        Assert.True(delivery.Delivered);
        Assert.Equal(("teams", "Teams Workflows webhook"), (delivery.Channel, delivery.Where));
        Assert.StartsWith("outcome unknown (transport error: ", delivery.Detail, StringComparison.Ordinal);
        Assert.Single(proxy.Requests);
    }

    /// <summary>Real time only as an upper bound on waiting for the server to see a request.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        Assert.True(condition(), "the server never saw the request");
    }

    private static TeamsWebhookClient Client(FakeTimeProvider time, TeamsOptions? options = null) => TestTeams.Client(time, options);
}
