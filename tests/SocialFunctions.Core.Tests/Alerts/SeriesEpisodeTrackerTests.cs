using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Alerts;

public sealed class SeriesEpisodeTrackerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public void Decide_FirstUnderperformingVerdict_ClaimsStartedNotification()
    {
        var decision = SeriesEpisodeTracker.Decide(null, Health(SeriesStatus.Underperforming), Now, null, Lease);

        Assert.Equal(AlertKind.Started, decision.Notification);
        Assert.Equal(EpisodeStatus.Underperforming, decision.NextState!.Status);
        Assert.True(decision.NextState.DeliveryPending);
        Assert.Equal(Now.AddDays(-3), decision.NextState.EpisodeStart);
    }

    [Fact]
    public void Decide_StillUnderperformingWithoutReminder_SendsNothing()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 30);

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now, null, Lease);

        Assert.Null(decision.NextState);
        Assert.Null(decision.Notification);
    }

    [Fact]
    public void Decide_ReminderIntervalElapsed_SendsReminder()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 8);

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now, TimeSpan.FromDays(7), Lease);

        Assert.Equal(AlertKind.Reminder, decision.Notification);
        Assert.Equal(Now, decision.NextState!.LastNotifiedAt);
    }

    [Fact]
    public void Decide_DailyCheckExactlyOneIntervalAfterTheLastAlert_SendsReminder()
    {
        // The daily check runs at the same time each day: a weekly reminder falls exactly seven days after the last one,
        // and must go out then, not a day late.
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 7);

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now, TimeSpan.FromDays(7), Lease);

        Assert.Equal(AlertKind.Reminder, decision.Notification);
    }

    [Fact]
    public void Decide_HealthyAfterEpisode_SendsRecoveredOnceThenNothing()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 2);

        var first = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Healthy), Now, null, Lease);
        var second = SeriesEpisodeTracker.Decide(first.NextState! with { DeliveryPending = false }, Health(SeriesStatus.Healthy), Now.AddDays(1), null, Lease);

        Assert.Equal(AlertKind.Recovered, first.Notification);
        Assert.Equal(EpisodeStatus.Recovered, first.NextState!.Status);
        Assert.Null(second.Notification);
        Assert.Null(second.NextState);
    }

    [Fact]
    public void Decide_InsufficientDataDuringEpisode_ChangesNothing()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 2);

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.InsufficientData), Now, null, Lease);

        Assert.Null(decision.NextState);
    }

    [Fact]
    public void Decide_FreshPendingClaim_IsLeftToItsOwner()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 0) with { DeliveryPending = true, LastNotification = AlertKind.Started, LastNotifiedAt = Now.AddMinutes(-1) };

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now, null, Lease);

        Assert.Null(decision.NextState);
    }

    [Fact]
    public void Decide_StalePendingClaim_RetriesTheSameNotification()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 0) with { DeliveryPending = true, LastNotification = AlertKind.Started, LastNotifiedAt = Now.AddMinutes(-10) };

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now, null, Lease);

        Assert.Equal(AlertKind.Started, decision.Notification);

        // Same notification (its id rests on LastNotifiedAt, so a retried mail is found in Sent Items); the retry is dated apart.
        Assert.Equal(Now.AddMinutes(-10), decision.NextState!.LastNotifiedAt);
        Assert.Equal(Now, decision.NextState.RetriedAt);
    }

    [Fact]
    public void Decide_PendingClaimRetriedRecently_WaitsForTheLeaseFromTheRetry()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 0) with
        {
            DeliveryPending = true,
            LastNotification = AlertKind.Started,
            LastNotifiedAt = Now.AddHours(-1),
            RetriedAt = Now.AddMinutes(-1),
        };

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now, null, Lease);

        Assert.Null(decision.NextState);
        Assert.Null(decision.Notification);
    }

    [Fact]
    public void Decide_AtRiskWithoutEpisode_OpensNothing()
    {
        var decision = SeriesEpisodeTracker.Decide(null, Health(SeriesStatus.AtRisk), Now, null, Lease);

        Assert.Null(decision.NextState);
        Assert.Null(decision.Notification);
    }

    [Fact]
    public void Decide_AtRiskDuringEpisode_KeepsItOpenAndSilent()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 2);

        var atRisk = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.AtRisk), Now, null, Lease);
        var backUnder = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now.AddDays(1), null, Lease);

        Assert.Null(atRisk.NextState);
        Assert.Null(atRisk.Notification);
        // Still the same episode: crossing the bar again is not a new alert.
        Assert.Null(backUnder.Notification);
    }

    [Fact]
    public void Decide_PendingClaimExactlyAsOldAsTheLease_RetriesIt()
    {
        var stored = State(EpisodeStatus.Underperforming, notifiedDaysAgo: 0) with { DeliveryPending = true, LastNotification = AlertKind.Started, LastNotifiedAt = Now - Lease };

        var decision = SeriesEpisodeTracker.Decide(stored, Health(SeriesStatus.Underperforming), Now, null, Lease);

        Assert.Equal(AlertKind.Started, decision.Notification);
    }

    private static SeriesHealth Health(string status) => new()
    {
        Brand = "acme",
        Channel = "instagram",
        Series = "Tips",
        Status = status,
        Since = Now.AddDays(-3),
    };

    private static SeriesEpisodeState State(string status, int notifiedDaysAgo) => new()
    {
        Brand = "acme",
        Channel = "instagram",
        Series = "Tips",
        Status = status,
        EpisodeStart = Now.AddDays(-notifiedDaysAgo),
        LastNotifiedAt = Now.AddDays(-notifiedDaysAgo),
        LastNotification = AlertKind.Started,
        UpdatedAt = Now.AddDays(-notifiedDaysAgo),
    };
}
