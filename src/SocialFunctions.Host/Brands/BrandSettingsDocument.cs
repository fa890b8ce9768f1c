using System.Text.Json.Serialization;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Host.Brands;

/// <summary>
/// The JSON of <c>GET/PUT /api/brands/{brand}</c> (camelCase). Every field is optional on PUT: a missing one takes
/// its default, since PUT replaces the settings. The webhook URL goes out masked (<see cref="WebhookUrlMask"/>).
/// </summary>
public sealed record BrandSettingsDocument
{
    public string? Brand { get; init; }

    public string? DisplayName { get; init; }

    public string? TimeZone { get; init; }

    public string? Locale { get; init; }

    public string? FunnelFocus { get; init; }

    public IReadOnlyList<string>? Recipients { get; init; }

    public string? Sender { get; init; }

    public IReadOnlyList<string>? TeamRecipients { get; init; }

    public IReadOnlyDictionary<string, double>? PostingTargets { get; init; }

    public IReadOnlyList<SeriesRule>? SeriesRules { get; init; }

    public string? TeamsWebhookUrl { get; init; }

    public int? ReportDayOfMonth { get; init; }

    public string? ReportTime { get; init; }

    public string? PaperSize { get; init; }

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
            PostsReassigned = postsReassigned,
        };
    }

    /// <summary>The draft this body describes, for <see cref="BrandSettingsValidator"/>; missing fields take their defaults there.</summary>
    public BrandSettingsDraft ToDraft(string? webhookUrl) => new()
    {
        DisplayName = DisplayName,
        TimeZone = TimeZone,
        Locale = Locale,
        FunnelFocus = FunnelFocus,
        Recipients = Recipients,
        Sender = Sender,
        TeamRecipients = TeamRecipients,
        PostingTargets = PostingTargets,
        SeriesRules = SeriesRules,
        TeamsWebhookUrl = webhookUrl,
        ReportDayOfMonth = ReportDayOfMonth,
        ReportTime = ReportTime,
        PaperSize = PaperSize,
    };
}
