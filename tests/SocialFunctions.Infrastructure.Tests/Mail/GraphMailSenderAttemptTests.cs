using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Testing;
using static SocialFunctions.Infrastructure.Tests.Mail.GraphTestServer;

namespace SocialFunctions.Infrastructure.Tests.Mail;

/// <summary>
/// How <see cref="GraphMailSender"/> paces and reports its attempts: which outcomes wait for Sent Items, which answers
/// count as "maybe sent", when a large mail goes through an upload session, and what operators see in the log.
/// </summary>
public sealed class GraphMailSenderAttemptTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_ThrottledAttempt_NextAttemptAtOnceWithoutTheSentItemsDelayAndLoggedAsNotSent()
    {
        // Catches: the send pipeline waiting the Sent Items delay after every failed attempt, not only an unknown one;
        // and the "did not go out" warning not written (or written for the wrong outcome).
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var time = new FakeTimeProvider(Start);
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        server.Enqueue(_ => { seenAt.Enqueue(time.GetUtcNow()); return ScriptedResponse.TooManyRequests(retryAfterSeconds: 0); });
        server.Enqueue(_ => { seenAt.Enqueue(time.GetUtcNow()); return Accepted; });
        var options = Options(server);
        options.MaxThrottleRetries = 0;
        options.SentItemsCheckDelay = TimeSpan.FromMinutes(2);
        var logger = new FakeLogger<GraphMailSender>();

        var result = await FakeClock.RunAsync(time, () => Sender(server, options, time, logger).SendAsync(TestMail(), ct), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(10));

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(2, seenAt.Count);
        // Graph refused the first attempt outright: nothing to wait for (a loaded machine may let the clock move a few steps).
        Assert.InRange(seenAt.Last() - seenAt.First(), TimeSpan.Zero, TimeSpan.FromSeconds(30));
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal(2103, warning.Id.Id);
        Assert.Contains("attempt 1 did not go out", warning.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 2101 && r.Message.Contains("on attempt 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_EveryAttemptUnknown_LastLookInSentItemsOnlyAfterTheCheckDelayAndEachAttemptLoggedAsUnknown()
    {
        // Catches: the final look in Sent Items made at once (the copy of a mail that did go out is not there yet, so it
        // would be reported as failed and sent again later); and the "unknown outcome" warning not written.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var time = new FakeTimeProvider(Start);
        var seenAt = new ConcurrentQueue<(string What, DateTimeOffset At)>();
        server.DefaultResponse = r =>
        {
            seenAt.Enqueue((IsSentItemsQuery(r) ? "GET" : "POST", time.GetUtcNow()));
            return IsSentItemsQuery(r) ? SentItems("AAMkLate") : ScriptedResponse.Empty(HttpStatusCode.GatewayTimeout);
        };
        var options = Options(server);
        options.MaxSendAttempts = 1;
        options.SentItemsCheckDelay = TimeSpan.FromSeconds(40);
        var logger = new FakeLogger<GraphMailSender>();

        var result = await FakeClock.RunAsync(time, () => Sender(server, options, time, logger).SendAsync(TestMail(), ct), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(10));

        Assert.True(result.Delivered, result.Detail);
        Assert.Contains("found in Sent Items (AAMkLate)", result.Detail, StringComparison.Ordinal);
        Assert.Equal(["POST", "GET"], seenAt.Select(s => s.What));
        Assert.InRange(seenAt.Last().At - seenAt.First().At, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(70));
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal(2104, warning.Id.Id);
        Assert.Contains("attempt 1 has an unknown outcome", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Exactly500OnSend_MaybeSentSoLookedUpBeforeSendingAgain()
    {
        // Catches: a 500 classed with the 4xx refusals (rejected, no second attempt) instead of "outcome unknown".
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.Empty(HttpStatusCode.InternalServerError), SentItems(), Accepted);

        var result = await Sender(server).SendAsync(TestMail(), ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(["POST sendMail", "GET sentitems", "POST sendMail"], server.Requests.Select(r => IsSendMail(r) ? "POST sendMail" : IsSentItemsQuery(r) ? "GET sentitems" : r.PathAndQuery));
    }

    [Fact]
    public async Task SendAsync_TwoAttachmentsEachUnderTheInlineLimitButTogetherOver_UploadSessions()
    {
        // Catches: the inline limit checked against the largest attachment instead of their sum (Graph refuses a
        // sendMail request over its size limit, however the bytes are split).
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = DraftFlow(server);
        var options = Options(server);
        options.InlineAttachmentLimitBytes = 3000;
        var mail = TestMail() with
        {
            Attachments = [new Core.Ports.MailAttachment("a.pdf", "application/pdf", Pattern(2000)), new Core.Ports.MailAttachment("b.pdf", "application/pdf", Pattern(2000))],
        };

        var result = await Sender(server, options).SendAsync(mail, ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.DoesNotContain(server.Requests, IsSendMail);
        Assert.Equal(2, server.Requests.Count(r => r.PathAndQuery.EndsWith("/createUploadSession", StringComparison.Ordinal)));
        Assert.Equal(["bytes 0-1999/2000", "bytes 0-1999/2000"], server.Requests.Where(r => r.Method == "PUT").Select(r => r.Headers["Content-Range"]));
    }

    [Fact]
    public async Task SendAsync_AttachmentExactlyTwoChunks_TwoChunksAndNoEmptyThird()
    {
        // Catches: the chunk loop running once more when the size is a multiple of the chunk (an empty, invalid range).
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = DraftFlow(server);
        var options = Options(server);
        var size = 2 * options.UploadChunkBytes;

        var result = await Sender(server, options).SendAsync(TestMail(attachmentBytes: size), ct);

        Assert.True(result.Delivered, result.Detail);
        var chunk = options.UploadChunkBytes;
        Assert.Equal([$"bytes 0-{chunk - 1}/{size}", $"bytes {chunk}-{size - 1}/{size}"], server.Requests.Where(r => r.Method == "PUT").Select(r => r.Headers["Content-Range"]));
    }

    [Fact]
    public async Task SendAsync_UploadChunkHangsBeyondTheRequestTimeout_GivenUpAndANewDraftSent()
    {
        // Catches: the upload client without the request timeout (a hung chunk would hold the report run for the
        // HttpClient default of 100 s instead of failing over to a new draft).
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var puts = 0;
        var drafts = 0;
        server.DefaultResponse = request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", var p) when p.EndsWith("/messages", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.Created, $$"""{"id":"draft-{{Interlocked.Increment(ref drafts)}}"}"""),
            ("POST", var p) when p.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.OK, $$"""{"uploadUrl":"{{server.BaseAddress}}upload/session"}"""),
            // The first chunk ever hangs well past the timeout; later ones answer at once.
            ("PUT", _) => Interlocked.Increment(ref puts) == 1 ? ScriptedResponse.Empty(HttpStatusCode.Created) with { Delay = TimeSpan.FromSeconds(4) } : ScriptedResponse.Empty(HttpStatusCode.Created),
            ("POST", var p) when p.EndsWith("/send", StringComparison.Ordinal) => Accepted,
            _ => ScriptedResponse.Empty(HttpStatusCode.NotFound),
        };
        var options = Options(server);
        options.RequestTimeout = TimeSpan.FromMilliseconds(500);
        options.InlineAttachmentLimitBytes = 100;
        options.MaxThrottleRetries = 0;

        var result = await Sender(server, options).SendAsync(TestMail(attachmentBytes: 1000), ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal("accepted on attempt 2", result.Detail);
        Assert.Equal(2, Volatile.Read(ref drafts));
        Assert.Single(server.Requests, r => r.PathAndQuery.EndsWith("/draft-2/send", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.EndsWith("/draft-1/send", StringComparison.Ordinal));
    }

    private static Func<RecordedRequest, ScriptedResponse> DraftFlow(RecordingHttpServer server) => request => (request.Method, request.PathAndQuery) switch
    {
        ("POST", var p) when p.EndsWith("/messages", StringComparison.Ordinal) => ScriptedResponse.Json(HttpStatusCode.Created, """{"id":"draft-1"}"""),
        ("POST", var p) when p.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal) =>
            ScriptedResponse.Json(HttpStatusCode.OK, $$"""{"uploadUrl":"{{server.BaseAddress}}upload/session-1"}"""),
        ("PUT", _) => ScriptedResponse.Empty(HttpStatusCode.Created),
        ("POST", var p) when p.EndsWith("/messages/draft-1/send", StringComparison.Ordinal) => Accepted,
        _ => ScriptedResponse.Empty(HttpStatusCode.NotFound),
    };
}
