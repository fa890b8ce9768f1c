using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Alerts;

/// <summary>
/// Runs the detector over a brand's stored posts and turns verdicts into notifications, once per episode transition.
/// Each transition is claimed in <see cref="ISeriesStateStore"/> (ETag) before anything is posted, so concurrent checks
/// (an upload's queue message and the daily timer) never post the same alert twice.
/// </summary>
public sealed class SeriesCheckService(
    IRecordStore records,
    IBrandSettingsStore brands,
    ISeriesStateStore states,
    SeriesAlertRouter router,
    SeriesDetector detector,
    SeriesAlertOptions options,
    TimeProvider time)
{
    private const int ClaimAttempts = 3;

    /// <summary>Detector verdicts for every series of the brand as of <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<SeriesHealth>> EvaluateAsync(BrandName brand, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var o = detector.Options;
        var from = asOf.AddDays(-(o.HistoryDays + o.BaselineDays));
        var posts = new List<CanonicalPost>();
        await foreach (var post in records.QueryPostsAsync(brand, null, from, asOf.AddTicks(1), cancellationToken))
        {
            posts.Add(post);
        }

        return detector.Detect(brand, posts, asOf);
    }

    /// <summary>Detects now and sends what the episode rules call for; returns the verdicts and what was sent.</summary>
    public async Task<SeriesCheckResult> CheckAsync(BrandName brand, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = await brands.GetAsync(brand, cancellationToken) ?? BrandSettings.CreateDefault(brand);
        var verdicts = await EvaluateAsync(brand, now, cancellationToken);
        var sent = new List<SentAlert>();
        foreach (var health in verdicts)
        {
            var alert = await ClaimAndNotifyAsync(settings, health, now, cancellationToken);
            if (alert is not null)
            {
                sent.Add(alert);
            }
        }

        return new SeriesCheckResult(brand, now, verdicts, sent);
    }

    private async Task<SentAlert?> ClaimAndNotifyAsync(BrandSettings settings, SeriesHealth health, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var stored = await states.GetAsync(settings.Brand, health.Channel, health.Series, cancellationToken);
            var decision = SeriesEpisodeTracker.Decide(stored?.State, health, now, options.ReminderInterval, options.PendingRetryAfter);
            if (decision.NextState is null)
            {
                return null;
            }

            var version = await states.TrySaveAsync(decision.NextState, stored?.Version, cancellationToken);
            if (version is null)
            {
                continue; // Another check changed the state first: re-read and decide again.
            }

            if (decision.Notification is null)
            {
                return null;
            }

            var alert = new SeriesAlert
            {
                Kind = decision.Notification,
                Health = health,
                Brand = settings.Brand,
                BrandDisplayName = settings.Title,
                Locale = settings.Locale,
                TimeZone = settings.Clock.Zone,
                ReportMonth = settings.Clock.LatestCompleteMonth(now),
                PublicBaseUrl = options.PublicBaseUrl.TrimEnd('/'),
                Id = AlertId(decision.NextState, decision.Notification),
                MayHaveBeenSent = stored?.State.DeliveryPending == true,
            };
            var delivery = await router.NotifyAsync(alert, settings, cancellationToken);
            if (delivery.Delivered)
            {
                // Confirm; if this loses a race the next check sees the pending claim and (after the lease) resends at worst.
                await states.TrySaveAsync(decision.NextState with { DeliveryPending = false }, version, cancellationToken);
            }

            return new SentAlert(health.Channel, health.Series, alert.Kind, health.Status, delivery.Delivered, delivery.Channel, delivery.Where, delivery.Detail);
        }

        return null;
    }

    private static string AlertId(SeriesEpisodeState state, string kind)
    {
        var key = string.Join('\n', state.Brand, state.Channel, state.Series, kind,
            state.EpisodeStart?.ToString("O", CultureInfo.InvariantCulture), state.LastNotifiedAt?.ToString("O", CultureInfo.InvariantCulture));
        return "series-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}

/// <summary>The outcome of one check: the verdicts and the alerts it sent.</summary>
public sealed record SeriesCheckResult(BrandName Brand, DateTimeOffset CheckedAt, IReadOnlyList<SeriesHealth> Series, IReadOnlyList<SentAlert> Sent);

/// <summary>One alert a check sent (or tried to).</summary>
public sealed record SentAlert(string Channel, string Series, string Kind, string Status, bool Delivered, string Via, string? Where, string? Detail);
