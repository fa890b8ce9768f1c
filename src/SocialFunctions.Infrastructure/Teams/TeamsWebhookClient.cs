using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;
using Polly.Registry;
using Polly.Timeout;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Teams;

/// <summary>
/// Posts payloads to Teams Workflows webhooks through one Polly pipeline per webhook (transport only; Core decides what
/// to post and where): a retry outermost, then a token bucket pacing each webhook to
/// <see cref="TeamsOptions.MaxPostsPerSecond"/> (Teams throttles above 4), then a timeout per attempt.
/// <para>
/// A post is repeated only when it certainly did not reach the flow: 429 and 503 (Retry-After honoured up to
/// <see cref="TeamsOptions.MaxRetryAfter"/>, else exponential back-off with jitter), 408, and connections that could not be
/// made; <see cref="TeamsOptions.MaxAttempts"/> in all. A webhook has no "did you get it?" to ask, so an answer that leaves
/// the outcome unknown — 500, 502, 504, the connection dropped or the attempt timed out after the request was sent — is
/// not repeated blindly: it is reported as delivered with the doubt stated, so the card is posted at most once instead
/// of twice. Other 4xx fail at once with Teams' reason (the check retries the alert later).
/// </para>
/// The URL carries a secret signature: it is never logged nor returned, and pipelines are keyed by its hash.
/// </summary>
public sealed partial class TeamsWebhookClient : ITeamsWebhook, IDisposable
{
    public const string HttpClientName = "Teams";

    private readonly IHttpClientFactory _http;
    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsWebhookClient> _logger;
    private readonly ResiliencePipelineRegistry<string> _pipelines;

    public TeamsWebhookClient(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider timeProvider, ILogger<TeamsWebhookClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
        _pipelines = new ResiliencePipelineRegistry<string>(new ResiliencePipelineRegistryOptions<string>
        {
            BuilderFactory = () => new ResiliencePipelineBuilder { TimeProvider = timeProvider },
        });
    }

    public async Task<AlertDelivery> PostAsync(Uri webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var pipeline = _pipelines.GetOrAddPipeline<HttpResponseMessage>(KeyOf(webhook), Configure);
        var client = _http.CreateClient(HttpClientName);
        var attempts = 0;
        string reason;
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var content = new ReadOnlyMemoryContent(payload);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    return await client.PostAsync(webhook, content, token);
                },
                cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new AlertDelivery(true, "teams", "Teams Workflows webhook");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            reason = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(body)}";
            if (IsOutcomeUnknown(response.StatusCode))
            {
                return Unknown(attempts, reason);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or RateLimiterRejectedException && !cancellationToken.IsCancellationRequested)
        {
            reason = ex switch
            {
                TimeoutRejectedException => $"timed out after {_options.Timeout.TotalSeconds:0} s",
                RateLimiterRejectedException => "too many posts queued for this webhook",
                _ => $"transport error: {ex.Message}",
            };
            if (ex is TimeoutRejectedException || (ex is HttpRequestException http && !NeverSent(http)))
            {
                return Unknown(attempts, reason);
            }
        }

        Failed(_logger, attempts, LogText.Safe(reason));
        return new AlertDelivery(false, "teams", "Teams Workflows webhook", attempts > 1 ? $"gave up after {attempts} attempts; last: {reason}" : reason);
    }

    public void Dispose() => _pipelines.Dispose();

    /// <summary>Answers after which the flow may or may not have the card (a gateway gave up, the flow failed after accepting).</summary>
    private static bool IsOutcomeUnknown(HttpStatusCode status) => status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>Transport failures that happened before the request left: safe to send again.</summary>
    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private AlertDelivery Unknown(int attempts, string reason)
    {
        OutcomeUnknown(_logger, attempts, LogText.Safe(reason));
        return new AlertDelivery(true, "teams", "Teams Workflows webhook", $"outcome unknown ({reason}); not posted again, so the card is not doubled: check the channel");
    }

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConfigureBuilderContext<string> context)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = _options.MaxAttempts - 1,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout,
                { Exception: HttpRequestException http } => NeverSent(http),
                _ => false,
            }),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.BaseDelay,
            OnRetry = args =>
            {
                Retrying(_logger, args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.AttemptNumber + 1, _options.MaxAttempts, args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        };

        // The options read Retry-After; a webhook asking for a long pause gets at most MaxRetryAfter.
        var readRetryAfter = retry.DelayGenerator!;
        retry.DelayGenerator = async args => await readRetryAfter(args) is { } wait ? (wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait) : null;

        var pacing = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / _options.MaxPostsPerSecond),
            QueueLimit = _options.MaxQueuedPosts,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        context.OnPipelineDisposed(pacing.Dispose);

        // One attempt (a valid setting) is no retry at all: Polly refuses a retry strategy of zero retries.
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(retry);
        }

        builder
            .AddRateLimiter(pacing)
            .AddTimeout(_options.Timeout);
    }

    // Pipelines are keyed by a hash so the secret URL is not kept as a dictionary key in memory dumps.
    private static string KeyOf(Uri webhook) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(webhook.AbsoluteUri)));

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [LoggerMessage(3101, LogLevel.Warning, "Teams webhook answered {Status} (attempt {Attempt} of {MaxAttempts}); retrying in {DelayMs} ms")]
    private static partial void Retrying(ILogger logger, int status, int attempt, int maxAttempts, double delayMs);

    [LoggerMessage(3104, LogLevel.Warning, "Teams webhook post has an unknown outcome after {Attempts} attempts ({Reason}); not repeated, to avoid a duplicate card")]
    private static partial void OutcomeUnknown(ILogger logger, int attempts, string reason);

    [LoggerMessage(3102, LogLevel.Error, "Teams webhook post failed after {Attempts} attempts: {Reason}")]
    private static partial void Failed(ILogger logger, int attempts, string reason);
}
