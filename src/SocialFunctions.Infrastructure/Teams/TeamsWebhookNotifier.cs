using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Alerts;

namespace SocialFunctions.Infrastructure.Teams;

/// <summary>
/// Posts a payload to a Teams Workflows webhook: at most <see cref="TeamsOptions.MaxPostsPerSecond"/> per webhook,
/// 429 waits for Retry-After (else exponential back-off) and retries, 5xx and transport errors are retried a bounded
/// number of times, then the post fails with the reason. The URL carries a secret signature: it is never logged nor
/// returned.
/// </summary>
public sealed class TeamsWebhookNotifier(HttpClient http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsWebhookNotifier> logger)
{
    private static readonly ConcurrentDictionary<string, WebhookGate> Gates = new(StringComparer.Ordinal);
    private readonly TeamsOptions _options = options.Value;

    public async Task<AlertDelivery> PostAsync(Uri webhook, byte[] payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var gate = Gates.GetOrAdd(GateKey(webhook), _ => new WebhookGate());
        string reason = "not attempted";
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            await gate.WaitTurnAsync(TimeSpan.FromSeconds(1 / _options.MaxPostsPerSecond), time, cancellationToken);
            TimeSpan? retryAfter = null;
            int status;
            try
            {
                using var content = new ByteArrayContent(payload);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.Timeout);
                using var response = await http.PostAsync(webhook, content, timeout.Token);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return new AlertDelivery(true, "teams", "Teams Workflows webhook");
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                reason = $"HTTP {status} {response.ReasonPhrase}: {Truncate(body)}";
                if (status != 429 && status < 500)
                {
                    // 4xx other than 429 will not get better by retrying (bad payload, revoked flow).
                    TeamsLog.Failed(logger, attempt, reason);
                    return new AlertDelivery(false, "teams", "Teams Workflows webhook", reason);
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                status = 0;
                reason = ex is TaskCanceledException ? $"timed out after {_options.Timeout.TotalSeconds:0} s" : $"transport error: {ex.Message}";
                TeamsLog.TransportError(logger, attempt, _options.MaxAttempts, ex);
            }

            if (attempt == _options.MaxAttempts)
            {
                break;
            }

            var delay = retryAfter ?? TimeSpan.FromTicks(_options.BaseDelay.Ticks * (1L << (attempt - 1)));
            delay += TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, 100));
            TeamsLog.Retrying(logger, status, attempt, _options.MaxAttempts, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }

        TeamsLog.Failed(logger, _options.MaxAttempts, reason);
        return new AlertDelivery(false, "teams", "Teams Workflows webhook", $"gave up after {_options.MaxAttempts} attempts; last: {reason}");
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
    }

    // The gate is keyed by a hash so the secret URL is not kept as a dictionary key in memory dumps.
    private static string GateKey(Uri webhook) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(webhook.AbsoluteUri)));

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>Spaces posts to one webhook at least <c>interval</c> apart, across all concurrent senders.</summary>
    private sealed class WebhookGate
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public async Task WaitTurnAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_lock)
            {
                // Reserve the next free slot, then wait for it outside the lock.
                var now = time.GetUtcNow();
                var slot = _next > now ? _next : now;
                _next = slot + interval;
                wait = slot - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }
}
