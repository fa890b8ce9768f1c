using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Attachments.CreateUploadSession;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Mail;

/// <summary>
/// Sends mail through Microsoft Graph as the brand's sender, exactly once:
/// <list type="bullet">
/// <item>attachments under <see cref="GraphMailOptions.InlineAttachmentLimitBytes"/> go inline in <c>sendMail</c>; larger
/// ones through a draft, <c>createUploadSession</c>, ranged PUTs and <c>send</c>;</item>
/// <item>429 is waited out per Retry-After by the SDK's retry handler (restricted to 429: a 503/504 on a send is an
/// unknown outcome, not a failure to repeat blindly);</item>
/// <item>an unknown outcome (timeout, 5xx, broken connection) is followed by a look into Sent Items for the mail's tag
/// before any new attempt;</item>
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

    public GraphMailSender(GraphServiceClient graph, HttpClient uploads, IOptions<GraphMailOptions> options, TimeProvider timeProvider, ILogger<GraphMailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _graph = graph;
        _uploads = uploads;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>A Graph client on <see cref="GraphMailOptions.BaseUrl"/> with the SDK's default middleware and our timeout.</summary>
    public static GraphServiceClient CreateClient(GraphMailOptions options, IAuthenticationProvider authentication)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers());
        http.Timeout = options.RequestTimeout;
        return new GraphServiceClient(http, authentication, options.BaseUrl.TrimEnd('/'));
    }

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.MayHaveBeenSent && await FindInSentItemsAsync(mail, cancellationToken) is { } earlier)
        {
            GraphMailLog.FoundInSentItems(_logger, mail.Tag, earlier);
            return new MailSendResult(true, "graph", $"found in Sent Items ({earlier}); not sent again");
        }

        string? lastReason = null;
        for (var attempt = 1; attempt <= _options.MaxSendAttempts; attempt++)
        {
            var outcome = await TrySendOnceAsync(mail, cancellationToken);
            switch (outcome.Kind)
            {
                case SendOutcomeKind.Accepted:
                    GraphMailLog.Sent(_logger, mail.Tag, attempt);
                    return new MailSendResult(true, "graph", attempt > 1 ? $"accepted on attempt {attempt}" : null);
                case SendOutcomeKind.Rejected:
                    GraphMailLog.Rejected(_logger, mail.Tag, outcome.Reason);
                    return new MailSendResult(false, "graph", outcome.Reason);
                case SendOutcomeKind.NotSent:
                    lastReason = outcome.Reason;
                    GraphMailLog.NotSent(_logger, mail.Tag, attempt, outcome.Reason);
                    continue;
                case SendOutcomeKind.Unknown:
                    lastReason = outcome.Reason;
                    GraphMailLog.Unknown(_logger, mail.Tag, attempt, outcome.Reason);
                    if (_options.SentItemsCheckDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(_options.SentItemsCheckDelay, _timeProvider, cancellationToken);
                    }

                    if (await FindInSentItemsAsync(mail, cancellationToken) is { } found)
                    {
                        GraphMailLog.FoundInSentItems(_logger, mail.Tag, found);
                        return new MailSendResult(true, "graph", $"outcome unknown ({outcome.Reason}); found in Sent Items ({found}); not sent again");
                    }

                    continue;
            }
        }

        return new MailSendResult(false, "graph", $"not sent after {_options.MaxSendAttempts} attempts: {lastReason}");
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
                    request => request.Options.Add(ThrottleOnlyRetry()),
                    cancellationToken);
                return SendOutcome.Accepted;
            }

            // Draft + upload sessions: nothing is sent until the final /send, so failures before it are safe to repeat.
            var draft = await _graph.Users[mail.From].Messages.PostAsync(ToMessage(mail, inlineAttachments: false), request => request.Options.Add(ThrottleOnlyRetry()), cancellationToken);
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
            await _graph.Users[mail.From].Messages[draftId].Send.PostAsync(request => request.Options.Add(ThrottleOnlyRetry()), cancellationToken);
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
            request => request.Options.Add(ThrottleOnlyRetry()),
            cancellationToken);
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

    private RetryHandlerOption ThrottleOnlyRetry() => new()
    {
        MaxRetry = _options.MaxThrottleRetries,
        ShouldRetry = static (_, _, response) => response.StatusCode == HttpStatusCode.TooManyRequests,
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
            case HttpRequestException { StatusCode: { } status } http when (int)status is >= 400 and < 500:
                return new SendOutcome(SendOutcomeKind.NotSent, http.Message);
            case HttpRequestException http:
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
        Rejected,
        NotSent,
        Unknown,
    }

    private sealed record SendOutcome(SendOutcomeKind Kind, string? Reason = null)
    {
        public static readonly SendOutcome Accepted = new(SendOutcomeKind.Accepted);
    }
}
