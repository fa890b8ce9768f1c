using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Core.Alerts;

/// <summary>Alerting settings (configuration section <c>Series:Alerts</c>).</summary>
public sealed record SeriesAlertOptions
{
    public const string Section = "Series:Alerts";

    /// <summary>Base URL the card's links start with (no trailing slash). <value>Default <c>http://localhost:7071</c>.</value></summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; init; } = SeriesAlertDefaults.PublicBaseUrl;

    /// <summary>Reminder interval while a series stays underperforming; null = no reminders. <value>Default null (off).</value></summary>
    public TimeSpan? ReminderInterval { get; init; }

    /// <summary>
    /// A notification claimed but never confirmed (crash, delivery failure) is retried by a later check once the claim is
    /// this old. <value>Default 5 minutes.</value>
    /// </summary>
    public TimeSpan PendingRetryAfter { get; init; } = SeriesAlertDefaults.PendingRetryAfter;
}

/// <summary>Defaults of <see cref="SeriesAlertOptions"/>.</summary>
public static class SeriesAlertDefaults
{
    public const string PublicBaseUrl = "http://localhost:7071";
    public static readonly TimeSpan PendingRetryAfter = TimeSpan.FromMinutes(5);
}
