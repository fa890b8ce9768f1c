using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Attachments.CreateUploadSession;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Polly;
using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Mail;

/// <summary>
/// Sends mail through Microsoft Graph as the brand's sender, exactly once:
/// <list type="bullet">
/// <item>attachments under <see cref="GraphMailOptions.InlineAttachmentLimitBytes"/> go inline in <c>sendMail</c>; larger
/// ones through a draft, <c>createUploadSession</c>, ranged PUTs and <c>send</c>;</item>
/// <item>every HTTP request goes through a Polly pipeline (<see cref="HttpPipeline"/>, in place of the SDK's own retry
/// handler): 429 is waited out per Retry-After on any request; 5xx, 408 and transport errors are retried only on GET and
/// PUT (the Sent Items query, upload chunks), because a 503/504 on a send is an unknown outcome, not a failure to repeat
/// blindly;</item>
/// <item>the send itself runs in a second pipeline (<see cref="GraphMailOptions.MaxSendAttempts"/> attempts): a send that did not
/// go out is tried again, and an unknown outcome (timeout, 5xx, broken connection) is followed by a look into Sent
/// Items for the mail's tag before any new attempt;</item>
/// <item>any other 4xx fails at once with Graph's reason.</item>
/// </list>
/// The tag travels twice: as the <c>x-socialfunctions-run</c> internet header (visible to recipients' tools) and as a
/// named MAPI property in PS_PUBLIC_STRINGS, because Graph can <c>$filter</c> on extended properties but not on
/// <c>internetMessageHeaders</c>. The Sent Items query is
/// <c>GET /users/{sender}/mailFolders/sentitems/messages?$filter=singleValueExtendedProperties/Any(ep: ep/id eq
/// 'String {00020329-0000-0000-C000-000000000046} Name SocialFunctionsRun' and ep/value eq '{tag}')&amp;$select=id&amp;$top=1</c>
/// (see the Graph docs "Get singleValueLegacyExtendedProperty": string properties filter with eq on id and value).
/// </summary>
public sealed class GraphMailSender : IMailSender
{
    /// <summary>The named property holding the tag (PS_PUBLIC_STRINGS property set).</summary>
    public const string TagPropertyId = "String {00020329-0000-0000-C000-000000000046} Name SocialFunctionsRun";

    private readonly GraphServiceClient _graph;
    private readonly HttpClient _uploads;
    private readonly GraphMailOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GraphMailSender> _logger;
    private readonly ResiliencePipeline<SendOutcome> _sendPipeline;

    public GraphMailSender(GraphServiceClient graph, HttpClient uploads, IOptions<GraphMailOptions> options, TimeProvider timeProvider, ILogger<GraphMailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _graph = graph;
        _uploads = uploads;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        var attempts = new ResiliencePipelineBuilder<SendOutcome> { TimeProvider = timeProvider };

        // One attempt (a valid setting) is no retry at all: Polly refuses a retry strategy of zero retries.
        if (_options.MaxSendAttempts > 1)
        {
            attempts.AddRetry(new()
            {
                MaxRetryAttempts = _options.MaxSendAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Kind is SendOutcomeKind.NotSent or SendOutcomeKind.Unknown),

                // After an unknown outcome, give the copy time to reach Sent Items before the next attempt looks there.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Result?.Kind == SendOutcomeKind.Unknown ? _options.SentItemsCheckDelay : TimeSpan.Zero),
            });
        }

        _sendPipeline = attempts.Build();
    }

    /// <summary>
    /// A Graph client on <see cref="GraphMailOptions.BaseUrl"/>: the SDK's default middleware without its retry handler,
    /// then <see cref="HttpPipeline"/>, and our timeout.
    /// </summary>
    public static GraphServiceClient CreateClient(GraphMailOptions options, IAuthenticationProvider authentication, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlers = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions()).Where(h => h is not RetryHandler).ToList();
        handlers.Add(new ResilienceHandler(HttpPipeline(options, timeProvider)));
        var http = GraphClientFactory.Create(handlers);
        http.Timeout = options.RequestTimeout;
        return new GraphServiceClient(http, authentication, options.BaseUrl.TrimEnd('/'));
    }

    /// <summary>The client for upload-session chunks (pre-authenticated URLs, outside the Graph SDK), with <see cref="HttpPipeline"/>.</summary>
    public static HttpClient CreateUploadClient(GraphMailOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HttpClient(new ResilienceHandler(HttpPipeline(options, timeProvider)) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = options.RequestTimeout,
        };
    }

    /// <summary>
    /// The retry of every Graph HTTP request: 429 on any request (Graph refused it, nothing happened), 408/5xx/transport
    /// errors only on GET and PUT (safe to repeat); Retry-After honoured up to <see cref="GraphMailOptions.MaxRetryAfter"/>,
    /// else exponential back-off with jitter; at most <see cref="GraphMailOptions.MaxThrottleRetries"/> retries.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> HttpPipeline(GraphMailOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxThrottleRetries),
            BackoffType = DelayBackoffType.Exponential,
            // Stryker disable once Boolean : jitter only spreads the retries of many instances; its random delays are Polly's and not observable in a deterministic test
            UseJitter = true,
            Delay = options.RetryDelay,
            ShouldHandle = args =>
            {
                if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests })
                {
                    return ValueTask.FromResult(options.MaxThrottleRetries > 0);
                }

                var method = args.Context.GetRequestMessage()?.Method;
                var idempotent = method == HttpMethod.Get || method == HttpMethod.Put;
                return ValueTask.FromResult(idempotent && options.MaxThrottleRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome));
            },
        };
        var readRetryAfter = retry.DelayGenerator!;
        // Stryker disable once Equality : at wait == MaxRetryAfter both branches give the same delay
        retry.DelayGenerator = async args => await readRetryAfter(args) is { } wait ? (wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait) : null;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }.AddRetry(retry).Build();
    }

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.MayHaveBeenSent && await FindInSentItemsAsync(mail, cancellationToken) is { } earlier)
        {
            GraphMailLog.FoundInSentItems(_logger, mail.Tag, earlier);
            return new MailSendResult(true, "graph", $"found in Sent Items ({earlier}); not sent again");
        }

        var attempt = 0;
        SendOutcome? last = null;
        var outcome = await _sendPipeline.ExecuteAsync(
            async token =>
            {
                // The previous attempt's outcome is unknown: the mail may be out already, so look before sending again.
                if (last is { Kind: SendOutcomeKind.Unknown } && await FindInSentItemsAsync(mail, token) is { } found)
                {
                    return last = new SendOutcome(SendOutcomeKind.FoundInSentItems, $"outcome unknown ({last.Reason}); found in Sent Items ({found}); not sent again", found);
                }

                attempt++;
                last = await TrySendOnceAsync(mail, token);
                if (last.Kind == SendOutcomeKind.NotSent)
                {
                    GraphMailLog.NotSent(_logger, mail.Tag, attempt, LogText.Safe(last.Reason));
                }
                else if (last.Kind == SendOutcomeKind.Unknown)
                {
                    GraphMailLog.Unknown(_logger, mail.Tag, attempt, LogText.Safe(last.Reason));
                }

                return last;
            },
            cancellationToken);

        if (outcome.Kind == SendOutcomeKind.Unknown)
        {
            // Attempts are spent, but the last one may have gone out: one more look before calling it failed.
            await Task.Delay(_options.SentItemsCheckDelay, _timeProvider, cancellationToken);
            if (await FindInSentItemsAsync(mail, cancellationToken) is { } found)
            {
                outcome = new SendOutcome(SendOutcomeKind.FoundInSentItems, $"outcome unknown ({outcome.Reason}); found in Sent Items ({found}); not sent again", found);
            }
        }

        switch (outcome.Kind)
        {
            case SendOutcomeKind.Accepted:
                GraphMailLog.Sent(_logger, mail.Tag, attempt);
                return new MailSendResult(true, "graph", attempt > 1 ? $"accepted on attempt {attempt}" : null);
            case SendOutcomeKind.FoundInSentItems:
                GraphMailLog.FoundInSentItems(_logger, mail.Tag, outcome.MessageId!);
                return new MailSendResult(true, "graph", outcome.Reason);
            case SendOutcomeKind.Rejected:
                GraphMailLog.Rejected(_logger, mail.Tag, LogText.Safe(outcome.Reason));
                return new MailSendResult(false, "graph", outcome.Reason);
            default:
                return new MailSendResult(false, "graph", $"not sent after {attempt} attempts: {outcome.Reason}");
        }
    }

    /// <summary>The id of a sent message carrying the mail's tag, or null.</summary>
    public async Task<string?> FindInSentItemsAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var tag = mail.Tag.Replace("'", "''", StringComparison.Ordinal);
        var page = await _graph.Users[mail.From].MailFolders["sentitems"].Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{TagPropertyId}' and ep/value eq '{tag}')";
                request.QueryParameters.Select = ["id"];
                request.QueryParameters.Top = 1;
            },
            cancellationToken);
        return page?.Value is [{ } first, ..] ? first.Id ?? "?" : null;
    }

    private async Task<SendOutcome> TrySendOnceAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var large = mail.Attachments.Sum(a => (long)a.Content.Length) > _options.InlineAttachmentLimitBytes;
        string? draftId = null;
        try
        {
            if (!large)
            {
                await _graph.Users[mail.From].SendMail.PostAsync(
                    new SendMailPostRequestBody { Message = ToMessage(mail, inlineAttachments: true), SaveToSentItems = true },
                    cancellationToken: cancellationToken);
                return SendOutcome.Accepted;
            }

            // Draft + upload sessions: nothing is sent until the final /send, so failures before it are safe to repeat.
            var draft = await _graph.Users[mail.From].Messages.PostAsync(ToMessage(mail, inlineAttachments: false), cancellationToken: cancellationToken);
            draftId = draft?.Id ?? throw new InvalidOperationException("Graph created a draft without an id.");
            foreach (var attachment in mail.Attachments)
            {
                await UploadAttachmentAsync(mail.From, draftId, attachment, cancellationToken);
            }
        }
        catch (Exception ex) when (Classify(ex, cancellationToken) is { } outcome)
        {
            // Before the send itself, an unknown outcome only means an orphaned draft: not a mail sent.
            return large && outcome.Kind == SendOutcomeKind.Unknown ? outcome with { Kind = SendOutcomeKind.NotSent } : outcome;
        }

        try
        {
            await _graph.Users[mail.From].Messages[draftId].Send.PostAsync(cancellationToken: cancellationToken);
            return SendOutcome.Accepted;
        }
        catch (Exception ex) when (Classify(ex, cancellationToken) is { } outcome)
        {
            return outcome;
        }
    }

    private async Task UploadAttachmentAsync(string from, string draftId, MailAttachment attachment, CancellationToken cancellationToken)
    {
        var session = await _graph.Users[from].Messages[draftId].Attachments.CreateUploadSession.PostAsync(
            new CreateUploadSessionPostRequestBody
            {
                AttachmentItem = new AttachmentItem
                {
                    AttachmentType = AttachmentType.File,
                    Name = attachment.FileName,
                    ContentType = attachment.ContentType,
                    Size = attachment.Content.Length,
                },
            },
            cancellationToken: cancellationToken);
        var uploadUrl = session?.UploadUrl ?? throw new InvalidOperationException("Graph returned an upload session without an uploadUrl.");

        var total = attachment.Content.Length;
        for (var start = 0; start < total; start += _options.UploadChunkBytes)
        {
            var length = Math.Min(_options.UploadChunkBytes, total - start);

            // The upload URL is pre-authenticated: no Authorization header may be sent to it.
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl)
            {
                Content = new ByteArrayContent(attachment.Content, start, length),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, start + length - 1, total);
            using var response = await _uploads.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new HttpRequestException(
                    string.Create(CultureInfo.InvariantCulture, $"upload of bytes {start}-{start + length - 1}/{total} of {attachment.FileName} failed: {(int)response.StatusCode} {body}"),
                    inner: null,
                    response.StatusCode);
            }
        }
    }

    private static Message ToMessage(OutgoingMail mail, bool inlineAttachments) => new()
    {
        Subject = mail.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
        ToRecipients = [.. mail.To.Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } })],
        InternetMessageHeaders = [new InternetMessageHeader { Name = MailDefaults.RunHeader, Value = mail.Tag }],
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = TagPropertyId, Value = mail.Tag }],
        Attachments = inlineAttachments
            ? [.. mail.Attachments.Select(a => (Attachment)new FileAttachment
            {
                OdataType = "#microsoft.graph.fileAttachment",
                Name = a.FileName,
                ContentType = a.ContentType,
                ContentBytes = a.Content,
            })]
            : null,
    };

    private static SendOutcome? Classify(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case OperationCanceledException:
                return new SendOutcome(SendOutcomeKind.Unknown, "timed out waiting for Graph");
            case ApiException api when api.ResponseStatusCode >= 500:
                return new SendOutcome(SendOutcomeKind.Unknown, Describe(api));
            case ApiException { ResponseStatusCode: 429 } api:
                // Throttled beyond our retries: Graph refused it, so nothing went out.
                return new SendOutcome(SendOutcomeKind.NotSent, Describe(api));
            case ApiException api when api.ResponseStatusCode >= 400:
                return new SendOutcome(SendOutcomeKind.Rejected, Describe(api));
            case HttpRequestException http:
                // A transport error may come after Graph took the mail: unknown. The only ones with a status are upload
                // chunks' refusals, which come before the send, where the caller turns any outcome into "not sent".
                return new SendOutcome(SendOutcomeKind.Unknown, http.Message);
            default:
                return null;
        }
    }

    private static string Describe(ApiException exception)
    {
        var status = exception.ResponseStatusCode.ToString(CultureInfo.InvariantCulture);
        return exception is ODataError { Error: { } error }
            ? $"Graph {status} {error.Code}: {error.Message}"
            : $"Graph {status}: {exception.Message}";
    }

    private enum SendOutcomeKind
    {
        Accepted,
        FoundInSentItems,
        Rejected,
        NotSent,
        Unknown,
    }

    private sealed record SendOutcome(SendOutcomeKind Kind, string? Reason = null, string? MessageId = null)
    {
        public static readonly SendOutcome Accepted = new(SendOutcomeKind.Accepted);
    }
}
