using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Alerts;

/// <summary>
/// The episode rules, pure: from the stored state and the detector's verdict, the next state and whether (and what)
/// to notify. Once when an episode starts, optionally a reminder every <c>reminderInterval</c>, once on recovery;
/// insufficient data changes nothing (no evidence is no news). Only <see cref="SeriesStatus.Underperforming"/> opens an
/// episode; <see cref="SeriesStatus.AtRisk"/> changes nothing either: it never opens one, and an open episode stays open
/// through it (the series is still weak, just no longer proven so), so a series hovering at the bar alerts once, not at
/// every crossing. Only <see cref="SeriesStatus.Healthy"/> ends an episode.
/// </summary>
public static class SeriesEpisodeTracker
{
    /// <param name="stored">The stored state, null when the series was never checked.</param>
    /// <param name="health">The detector's verdict now.</param>
    /// <param name="now">The check's time.</param>
    /// <param name="reminderInterval">Reminder interval while underperforming; null = no reminders.</param>
    /// <param name="pendingRetryAfter">How old an unconfirmed claim must be before another check may retry its delivery.</param>
    public static EpisodeDecision Decide(SeriesEpisodeState? stored, SeriesHealth health, DateTimeOffset now, TimeSpan? reminderInterval, TimeSpan pendingRetryAfter)
    {
        ArgumentNullException.ThrowIfNull(health);
        var current = stored ?? new SeriesEpisodeState
        {
            Brand = health.Brand,
            Channel = health.Channel,
            Series = health.Series,
            Status = EpisodeStatus.Healthy,
            UpdatedAt = now,
        };

        if (current.DeliveryPending && current.LastNotification is not null)
        {
            // A check claimed a notification and did not confirm it (crash, delivery failure): retry it once the claim is old.
            // The retry keeps LastNotifiedAt (the notification's identity) and moves RetriedAt, which gates the next retry.
            return (current.RetriedAt ?? current.LastNotifiedAt) is { } claimed && now - claimed >= pendingRetryAfter
                ? new EpisodeDecision(current with { RetriedAt = now, UpdatedAt = now }, current.LastNotification)
                : new EpisodeDecision(null, null);
        }

        switch (health.Status)
        {
            case SeriesStatus.Underperforming when current.Status != EpisodeStatus.Underperforming:
                return Notify(current with { Status = EpisodeStatus.Underperforming, EpisodeStart = health.Since ?? now }, AlertKind.Started, now);
            case SeriesStatus.Underperforming when reminderInterval is { } interval && current.LastNotifiedAt is { } last && now - last >= interval:
                return Notify(current, AlertKind.Reminder, now);
            case SeriesStatus.Healthy when current.Status == EpisodeStatus.Underperforming:
                return Notify(current with { Status = EpisodeStatus.Recovered }, AlertKind.Recovered, now);
            case SeriesStatus.Healthy when stored is null:
                return new EpisodeDecision(current, null);
            default:
                return new EpisodeDecision(null, null);
        }
    }

    private static EpisodeDecision Notify(SeriesEpisodeState next, string kind, DateTimeOffset now) =>
        new(next with { LastNotification = kind, LastNotifiedAt = now, RetriedAt = null, DeliveryPending = true, UpdatedAt = now }, kind);
}

/// <param name="NextState">The state to save (claim) before notifying; null when nothing changes.</param>
/// <param name="Notification">The <see cref="AlertKind"/> to send once the claim succeeded; null for none.</param>
public sealed record EpisodeDecision(SeriesEpisodeState? NextState, string? Notification);
