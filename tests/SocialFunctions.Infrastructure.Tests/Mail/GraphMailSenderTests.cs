using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Testing;
using static SocialFunctions.Infrastructure.Tests.Mail.GraphTestServer;

namespace SocialFunctions.Infrastructure.Tests.Mail;

public sealed class GraphMailSenderTests
{
    [Fact]
    public async Task SendAsync_Graph202_OneSendMailWithTagHeaderAndInlinePdf()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(Accepted);
        var mail = TestMail(attachmentBytes: 1000);

        var result = await Sender(server).SendAsync(mail, ct);

        Assert.True(result.Delivered);
        Assert.Equal("graph", result.Where);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/reports@contoso.com/sendMail", request.PathAndQuery);
        using var body = JsonDocument.Parse(request.Body);
        var message = body.RootElement.GetProperty("Message");
        Assert.True(body.RootElement.GetProperty("SaveToSentItems").GetBoolean());
        var header = Assert.Single(message.GetProperty("internetMessageHeaders").EnumerateArray());
        Assert.Equal("x-socialfunctions-run", header.GetProperty("name").GetString());
        Assert.Equal("contoso/2026-10/0", header.GetProperty("value").GetString());
        var property = Assert.Single(message.GetProperty("singleValueExtendedProperties").EnumerateArray());
        Assert.Equal(GraphMailSender.TagPropertyId, property.GetProperty("id").GetString());
        Assert.Equal("contoso/2026-10/0", property.GetProperty("value").GetString());
        Assert.Equal(["cmo@contoso.com", "ceo@contoso.com"], message.GetProperty("toRecipients").EnumerateArray().Select(r => r.GetProperty("emailAddress").GetProperty("address").GetString()));
        Assert.Equal("HTML", message.GetProperty("body").GetProperty("contentType").GetString(), ignoreCase: true);
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("#microsoft.graph.fileAttachment", attachment.GetProperty("@odata.type").GetString());
        Assert.Equal("contoso-2026-10.pdf", attachment.GetProperty("name").GetString());
        Assert.Equal(Pattern(1000), attachment.GetProperty("contentBytes").GetBytesFromBase64());
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterThen202_WaitsOnTheClockAndSendsOneMail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        server.Enqueue(_ => { seenAt.Enqueue(time.GetUtcNow()); return ScriptedResponse.TooManyRequests(retryAfterSeconds: 12); });
        server.Enqueue(_ => { seenAt.Enqueue(time.GetUtcNow()); return Accepted; });

        var result = await FakeClock.RunAsync(time, () => Sender(server, time: time).SendAsync(TestMail(), ct), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(2));

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(2, server.Requests.Count(IsSendMail));
        Assert.Equal(2, server.Requests.Count);
        // Fake time moves in steps while real I/O runs: a loaded machine adds a few steps, never the 12 s themselves.
        Assert.InRange(seenAt.Last() - seenAt.First(), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task SendAsync_503OnSend_NotRepeatedBlindlyButLookedUpFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);

        // The HTTP pipeline retries 5xx only on GET/PUT: a 503 on the send goes to the Sent Items check (GET, itself
        // retried once on 503) before any second send.
        server.Enqueue(ScriptedResponse.Empty(HttpStatusCode.ServiceUnavailable), ScriptedResponse.Empty(HttpStatusCode.ServiceUnavailable), SentItems(), Accepted);

        var result = await Sender(server).SendAsync(TestMail(), ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(["POST sendMail", "GET sentitems", "GET sentitems", "POST sendMail"], server.Requests.Select(r => IsSendMail(r) ? "POST sendMail" : IsSentItemsQuery(r) ? "GET sentitems" : r.PathAndQuery));
    }

    [Fact]
    public async Task SendAsync_504AfterDelivering_FoundInSentItemsNotSentAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.Empty(HttpStatusCode.GatewayTimeout), SentItems("AAMkSent1"));

        var result = await Sender(server).SendAsync(TestMail(), ct);

        Assert.True(result.Delivered);
        Assert.Contains("found in Sent Items (AAMkSent1)", result.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests, IsSendMail);
        var query = Uri.UnescapeDataString(Assert.Single(server.Requests, IsSentItemsQuery).PathAndQuery);
        Assert.Contains($"ep/id eq '{GraphMailSender.TagPropertyId}' and ep/value eq 'contoso/2026-10/0'", query, StringComparison.Ordinal);
        Assert.Contains("/users/reports@contoso.com/mailFolders/sentitems/messages", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_504AndNotInSentItems_SendsAgainOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.Empty(HttpStatusCode.GatewayTimeout), SentItems(), Accepted);

        var result = await Sender(server).SendAsync(TestMail(), ct);

        Assert.True(result.Delivered);
        Assert.Equal(["POST sendMail", "GET sentitems", "POST sendMail"], server.Requests.Select(r => IsSendMail(r) ? "POST sendMail" : IsSentItemsQuery(r) ? "GET sentitems" : r.PathAndQuery));
    }

    [Fact]
    public async Task SendAsync_TimeoutAfterDelivering_FoundInSentItemsNotSentAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(Accepted with { Delay = TimeSpan.FromSeconds(3) }, SentItems("AAMkSent2"));
        var options = Options(server);
        options.RequestTimeout = TimeSpan.FromMilliseconds(500);

        var result = await Sender(server, options).SendAsync(TestMail(), ct);

        Assert.True(result.Delivered);
        Assert.Contains("timed out", result.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests, IsSendMail);
    }

    [Fact]
    public async Task SendAsync_EverySendUnknownAndNeverInSentItems_NotDeliveredAfterMaxAttempts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = r => IsSentItemsQuery(r) ? SentItems() : ScriptedResponse.Empty(HttpStatusCode.ServiceUnavailable);
        var options = Options(server);

        var result = await Sender(server, options).SendAsync(TestMail(), ct);

        Assert.False(result.Delivered);
        Assert.Equal("graph", result.Where);
        Assert.StartsWith($"not sent after {options.MaxSendAttempts} attempts: Graph 503", result.Detail, StringComparison.Ordinal);
        Assert.Equal(options.MaxSendAttempts, server.Requests.Count(IsSendMail));

        // Each unknown outcome was looked up before the next attempt, and once more before giving up.
        Assert.Equal(options.MaxSendAttempts, server.Requests.Count(IsSentItemsQuery));
    }

    [Fact]
    public async Task SendAsync_400_FailsOnceWithGraphReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.Json(HttpStatusCode.BadRequest, """{"error":{"code":"ErrorInvalidRecipients","message":"At least one recipient is not valid."}}"""));

        var result = await Sender(server).SendAsync(TestMail(), ct);

        Assert.False(result.Delivered);
        Assert.Equal("Graph 400 ErrorInvalidRecipients: At least one recipient is not valid.", result.Detail);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_MayHaveBeenSentAndFound_SendsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(SentItems("AAMkEarlier"));

        var result = await Sender(server).SendAsync(TestMail(mayHaveBeenSent: true), ct);

        Assert.True(result.Delivered);
        Assert.Contains("AAMkEarlier", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, IsSendMail);
    }

    [Fact]
    public async Task SendAsync_AttachmentOver3MB_DraftUploadSessionChunksThenSend()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        const int size = 4_000_000;
        server.DefaultResponse = request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", var p) when p.EndsWith("/messages", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.Created, """{"id":"draft-1"}"""),
            ("POST", var p) when p.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.OK, $$"""{"uploadUrl":"{{server.BaseAddress}}upload/session-1","expirationDateTime":"2026-11-02T00:00:00Z"}"""),
            ("PUT", "/upload/session-1") when request.Headers["Content-Range"].EndsWith($"-{size - 1}/{size}", StringComparison.Ordinal) =>
                ScriptedResponse.Empty(HttpStatusCode.Created),
            ("PUT", "/upload/session-1") => ScriptedResponse.Json(HttpStatusCode.OK, """{"nextExpectedRanges":["3276800-"]}"""),
            ("POST", var p) when p.EndsWith("/messages/draft-1/send", StringComparison.Ordinal) => Accepted,
            _ => ScriptedResponse.Empty(HttpStatusCode.NotFound),
        };

        var result = await Sender(server).SendAsync(TestMail(attachmentBytes: size), ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(
            ["POST /v1.0/users/reports@contoso.com/messages", "POST /v1.0/users/reports@contoso.com/messages/draft-1/attachments/createUploadSession", "PUT /upload/session-1", "PUT /upload/session-1", "POST /v1.0/users/reports@contoso.com/messages/draft-1/send"],
            server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        using (var draft = JsonDocument.Parse(server.Requests[0].Body))
        {
            Assert.False(draft.RootElement.TryGetProperty("attachments", out var inline) && inline.ValueKind == JsonValueKind.Array && inline.GetArrayLength() > 0);
            Assert.Equal("contoso/2026-10/0", draft.RootElement.GetProperty("internetMessageHeaders")[0].GetProperty("value").GetString());
        }

        using (var session = JsonDocument.Parse(server.Requests[1].Body))
        {
            var item = session.RootElement.GetProperty("AttachmentItem");
            Assert.Equal(size, item.GetProperty("size").GetInt64());
            Assert.Equal("contoso-2026-10.pdf", item.GetProperty("name").GetString());
        }

        var puts = server.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(["bytes 0-3276799/4000000", "bytes 3276800-3999999/4000000"], puts.Select(p => p.Headers["Content-Range"]));
        Assert.All(puts, p => Assert.False(p.Headers.ContainsKey("Authorization")));
        Assert.Equal(Pattern(size), puts.SelectMany(p => p.Body).ToArray());
    }

    [Fact]
    public async Task SendAsync_UploadChunkAnswers503Once_ChunkRetriedAndMailSentOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        const int size = 4_000_000;
        var failedOnce = 0;
        server.DefaultResponse = request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", var p) when p.EndsWith("/messages", StringComparison.Ordinal) => ScriptedResponse.Json(HttpStatusCode.Created, """{"id":"draft-1"}"""),
            ("POST", var p) when p.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.OK, $$"""{"uploadUrl":"{{server.BaseAddress}}upload/session-1"}"""),
            ("PUT", _) when Interlocked.Exchange(ref failedOnce, 1) == 0 => ScriptedResponse.Empty(HttpStatusCode.ServiceUnavailable),
            ("PUT", _) => ScriptedResponse.Empty(HttpStatusCode.Created),
            ("POST", var p) when p.EndsWith("/messages/draft-1/send", StringComparison.Ordinal) => Accepted,
            _ => ScriptedResponse.Empty(HttpStatusCode.NotFound),
        };

        var result = await Sender(server).SendAsync(TestMail(attachmentBytes: size), ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(["bytes 0-3276799/4000000", "bytes 0-3276799/4000000", "bytes 3276800-3999999/4000000"], server.Requests.Where(r => r.Method == "PUT").Select(r => r.Headers["Content-Range"]));
        Assert.Single(server.Requests, r => r.PathAndQuery.EndsWith("/send", StringComparison.Ordinal));
        Assert.Single(server.Requests, r => r.PathAndQuery.EndsWith("/messages", StringComparison.Ordinal));
    }
    [Fact]
    public async Task SendAsync_503OnSendThenNotInSentItems_AcceptedOnTheSecondAttemptSaysSo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.Empty(HttpStatusCode.ServiceUnavailable), SentItems(), Accepted);

        var result = await Sender(server).SendAsync(TestMail(), ct);

        Assert.Equal(new Core.Ports.MailSendResult(true, "graph", "accepted on attempt 2"), result);
    }

    [Fact]
    public async Task SendAsync_AcceptedAtOnce_NoDetail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(Accepted);

        var result = await Sender(server).SendAsync(TestMail(), ct);

        Assert.Equal(new Core.Ports.MailSendResult(true, "graph", null), result);
    }

    [Fact]
    public async Task SendAsync_ThrottledBeyondHttpRetries_NothingWentOutSoSentAgainWithoutLookingUp()
    {
        // With HTTP retries off, a 429 on the send reaches the send pipeline: Graph refused it, so no Sent Items query.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.TooManyRequests(retryAfterSeconds: 0), Accepted);
        var options = Options(server);
        options.MaxThrottleRetries = 0;

        var result = await Sender(server, options).SendAsync(TestMail(), ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal("accepted on attempt 2", result.Detail);
        Assert.Equal(["POST sendMail", "POST sendMail"], server.Requests.Select(r => IsSendMail(r) ? "POST sendMail" : r.PathAndQuery));
    }

    [Fact]
    public async Task SendAsync_ThrottledOnEveryAttempt_NotSentNamingTheAttempts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.TooManyRequests(retryAfterSeconds: 0);
        var options = Options(server);
        options.MaxThrottleRetries = 0;

        var result = await Sender(server, options).SendAsync(TestMail(), ct);

        Assert.False(result.Delivered);
        Assert.StartsWith($"not sent after {options.MaxSendAttempts} attempts: Graph 429", result.Detail, StringComparison.Ordinal);
        Assert.Equal(options.MaxSendAttempts, server.Requests.Count(IsSendMail));
        Assert.DoesNotContain(server.Requests, IsSentItemsQuery);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondCap_WaitsOnlyTheCap()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        server.Enqueue(_ => { seenAt.Enqueue(time.GetUtcNow()); return ScriptedResponse.TooManyRequests(retryAfterSeconds: 3600); });
        server.Enqueue(_ => { seenAt.Enqueue(time.GetUtcNow()); return Accepted; });
        var options = Options(server);
        options.MaxRetryAfter = TimeSpan.FromSeconds(20);

        var result = await FakeClock.RunAsync(time, () => Sender(server, options, time).SendAsync(TestMail(), ct), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));

        // Fake time moves in steps while real I/O runs: a loaded machine adds steps, never the hour asked for.
        Assert.True(result.Delivered, result.Detail);
        Assert.InRange(seenAt.Last() - seenAt.First(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task SendAsync_UnknownOutcome_WaitsTheCheckDelayOnTheClockBeforeLookingInSentItems()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var seenAt = new ConcurrentQueue<(string What, DateTimeOffset At)>();
        server.DefaultResponse = r =>
        {
            seenAt.Enqueue((IsSentItemsQuery(r) ? "GET" : "POST", time.GetUtcNow()));
            return IsSentItemsQuery(r) ? SentItems("AAMkSent3") : ScriptedResponse.Empty(HttpStatusCode.GatewayTimeout);
        };
        var options = Options(server);
        options.SentItemsCheckDelay = TimeSpan.FromSeconds(10);

        var result = await FakeClock.RunAsync(time, () => Sender(server, options, time).SendAsync(TestMail(), ct), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        Assert.True(result.Delivered);
        Assert.Equal(["POST", "GET"], seenAt.Select(s => s.What));
        Assert.InRange(seenAt.Last().At - seenAt.First().At, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task SendAsync_LastAttemptUnknownButThenInSentItems_Delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var lookups = 0;
        server.DefaultResponse = r => IsSentItemsQuery(r)
            ? (Interlocked.Increment(ref lookups) == 3 ? SentItems("AAMkLate") : SentItems())
            : ScriptedResponse.Empty(HttpStatusCode.BadGateway);
        var options = Options(server);

        var result = await Sender(server, options).SendAsync(TestMail(), ct);

        Assert.True(result.Delivered);
        Assert.StartsWith("outcome unknown (Graph 502", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith("found in Sent Items (AAMkLate); not sent again", result.Detail, StringComparison.Ordinal);
        Assert.Equal(options.MaxSendAttempts, server.Requests.Count(IsSendMail));
    }

    [Fact]
    public async Task FindInSentItemsAsync_TagWithQuote_EscapedInTheFilterAndMessageWithoutIdStillFound()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(ScriptedResponse.Json(HttpStatusCode.OK, """{"value":[{"subject":"no id"}]}"""));

        var found = await Sender(server).FindInSentItemsAsync(TestMail() with { Tag = "o'brien/2026-10/0" }, ct);

        Assert.Equal("?", found);
        var query = Uri.UnescapeDataString(Assert.Single(server.Requests).PathAndQuery);
        Assert.Contains("ep/value eq 'o''brien/2026-10/0'", query, StringComparison.Ordinal);
        Assert.Contains("$top=1", query, StringComparison.Ordinal);
        Assert.Contains("$select=id", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UploadChunkFailsOnTheService_NewDraftWithoutLookingInSentItems()
    {
        // Before the final /send nothing can have gone out: a 500 on a chunk is retried as a whole new draft.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        const int size = 4_000_000;
        var failedOnce = 0;
        var drafts = 0;
        server.DefaultResponse = request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", var p) when p.EndsWith("/messages", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.Created, $$"""{"id":"draft-{{Interlocked.Increment(ref drafts)}}"}"""),
            ("POST", var p) when p.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.OK, $$"""{"uploadUrl":"{{server.BaseAddress}}upload/session"}"""),
            ("PUT", _) when Interlocked.Exchange(ref failedOnce, 1) == 0 => ScriptedResponse.Empty(HttpStatusCode.InternalServerError),
            ("PUT", _) => ScriptedResponse.Empty(HttpStatusCode.Created),
            ("POST", var p) when p.EndsWith("/send", StringComparison.Ordinal) => Accepted,
            _ => ScriptedResponse.Empty(HttpStatusCode.NotFound),
        };
        var options = Options(server);
        options.MaxThrottleRetries = 0;

        var result = await Sender(server, options).SendAsync(TestMail(attachmentBytes: size), ct);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal("accepted on attempt 2", result.Detail);
        Assert.DoesNotContain(server.Requests, IsSentItemsQuery);
        Assert.Equal(2, drafts);
        Assert.Single(server.Requests, r => r.PathAndQuery.EndsWith("/messages/draft-2/send", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.EndsWith("/messages/draft-1/send", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_UploadChunkRefused_NotSentWithTheChunkRangeInTheReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", var p) when p.EndsWith("/messages", StringComparison.Ordinal) => ScriptedResponse.Json(HttpStatusCode.Created, """{"id":"draft-1"}"""),
            ("POST", var p) when p.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.OK, $$"""{"uploadUrl":"{{server.BaseAddress}}upload/session"}"""),
            ("PUT", _) => ScriptedResponse.Json(HttpStatusCode.RequestedRangeNotSatisfiable, """{"error":"range"}"""),
            _ => ScriptedResponse.Empty(HttpStatusCode.NotFound),
        };
        var options = Options(server);

        var result = await Sender(server, options).SendAsync(TestMail(attachmentBytes: 4_000_000), ct);

        Assert.False(result.Delivered);
        Assert.Equal($"not sent after {options.MaxSendAttempts} attempts: upload of bytes 0-3276799/4000000 of contoso-2026-10.pdf failed: 416 {{\"error\":\"range\"}}", result.Detail);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.EndsWith("/send", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, IsSentItemsQuery);
    }

    [Fact]
    public async Task SendAsync_DraftSendRefused_FailsOnceWithGraphReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", var p) when p.EndsWith("/messages", StringComparison.Ordinal) => ScriptedResponse.Json(HttpStatusCode.Created, """{"id":"draft-1"}"""),
            ("POST", var p) when p.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.OK, $$"""{"uploadUrl":"{{server.BaseAddress}}upload/session"}"""),
            ("PUT", _) => ScriptedResponse.Empty(HttpStatusCode.Created),
            ("POST", var p) when p.EndsWith("/send", StringComparison.Ordinal) =>
                ScriptedResponse.Json(HttpStatusCode.Forbidden, """{"error":{"code":"ErrorAccessDenied","message":"Access is denied."}}"""),
            _ => ScriptedResponse.Empty(HttpStatusCode.NotFound),
        };

        var result = await Sender(server).SendAsync(TestMail(attachmentBytes: 4_000_000), ct);

        Assert.False(result.Delivered);
        Assert.Equal("Graph 403 ErrorAccessDenied: Access is denied.", result.Detail);
        Assert.Single(server.Requests, r => r.PathAndQuery.EndsWith("/send", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_AttachmentsExactlyAtTheInlineLimit_StillInline()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(Accepted);
        var options = Options(server);
        options.InlineAttachmentLimitBytes = 2000;

        var result = await Sender(server, options).SendAsync(TestMail(attachmentBytes: 2000), ct);

        Assert.True(result.Delivered);
        Assert.Single(server.Requests, IsSendMail);
    }
}
