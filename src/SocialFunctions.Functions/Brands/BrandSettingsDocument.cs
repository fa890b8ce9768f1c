using System.Text.Json.Serialization;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Functions.Brands;

/// <summary>
/// The JSON of <c>GET/PUT /api/brands/{brand}</c> (camelCase). Every field is optional on PUT: a missing one takes
/// its default, since PUT replaces the settings. The webhook URL goes out masked (<see cref="WebhookUrlMask"/>).
/// </summary>
internal sealed record BrandSettingsDocument : BrandSettingsDraft
{
    public string? Brand { get; init; }

    /// <summary>PUT only: how many stored posts changed series because the rules changed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PostsReassigned { get; init; }

    public static BrandSettingsDocument From(BrandSettings settings, int? postsReassigned = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new BrandSettingsDocument
        {
            Brand = settings.Brand,
            DisplayName = settings.DisplayName,
            TimeZone = settings.Clock.ZoneId,
            Locale = settings.Locale.Code,
            FunnelFocus = settings.FunnelFocus.Name(),
            Recipients = settings.Recipients,
            Sender = settings.Sender,
            TeamRecipients = settings.TeamRecipients,
            PostingTargets = settings.PostingTargets,
            SeriesRules = settings.SeriesRules,
            TeamsWebhookUrl = WebhookUrlMask.Mask(settings.TeamsWebhookUrl),
            ReportDayOfMonth = settings.ReportDayOfMonth,
            ReportTime = BrandSettingValues.ReportTimeText(settings.ReportTime),
            PaperSize = settings.PaperSize.ToString(),
            WeeklyDigest = settings.WeeklyDigest,
            PostsReassigned = postsReassigned,
        };
    }

    /// <summary>The draft this body describes, with the webhook URL to keep; missing fields take their defaults when validated.</summary>
    public BrandSettingsDraft ToDraft(string? webhookUrl) => this with { TeamsWebhookUrl = webhookUrl };
}
