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
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Teams;

/// <summary>
/// Posts payloads to Teams Workflows webhooks through one Polly pipeline per webhook (transport only; Core decides what
/// to post and where): a retry outermost (429, 408, 5xx, transport errors and attempt timeouts; Retry-After honoured up
/// to <see cref="TeamsOptions.MaxRetryAfter"/>, else exponential back-off with jitter; <see cref="TeamsOptions.MaxAttempts"/>
/// in all), then a token bucket pacing each webhook to <see cref="TeamsOptions.MaxPostsPerSecond"/> (Teams throttles above
/// 4), then a timeout per attempt. Other 4xx fail at once with Teams' reason. The URL carries a secret signature: it is
/// never logged nor returned, and pipelines are keyed by its hash.
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
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or RateLimiterRejectedException && !cancellationToken.IsCancellationRequested)
        {
            reason = ex switch
            {
                TimeoutRejectedException => $"timed out after {_options.Timeout.TotalSeconds:0} s",
                RateLimiterRejectedException => "too many posts queued for this webhook",
                _ => $"transport error: {ex.Message}",
            };
        }

        Failed(_logger, attempts, reason);
        return new AlertDelivery(false, "teams", "Teams Workflows webhook", attempts > 1 ? $"gave up after {attempts} attempts; last: {reason}" : reason);
    }

    public void Dispose() => _pipelines.Dispose();

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConfigureBuilderContext<string> context)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = _options.MaxAttempts - 1,
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

        builder
            .AddRetry(retry)
            .AddRateLimiter(pacing)
            .AddTimeout(_options.Timeout);
    }

    // Pipelines are keyed by a hash so the secret URL is not kept as a dictionary key in memory dumps.
    private static string KeyOf(Uri webhook) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(webhook.AbsoluteUri)));

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [LoggerMessage(3101, LogLevel.Warning, "Teams webhook answered {Status} (attempt {Attempt} of {MaxAttempts}); retrying in {DelayMs} ms")]
    private static partial void Retrying(ILogger logger, int status, int attempt, int maxAttempts, double delayMs);

    [LoggerMessage(3102, LogLevel.Error, "Teams webhook post failed after {Attempts} attempts: {Reason}")]
    private static partial void Failed(ILogger logger, int attempts, string reason);
}
