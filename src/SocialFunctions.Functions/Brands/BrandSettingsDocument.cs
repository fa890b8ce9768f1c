using System.Text.Json.Serialization;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Functions.Brands;

/// <summary>
/// The JSON of <c>GET/PUT /api/brands/{brand}</c> (camelCase). Every field is optional on PUT: a missing one takes
/// its default, since PUT replaces the settings. The webhook URL goes out masked (<see cref="WebhookUrlMask"/>).
/// </summary>
internal sealed record BrandSettingsDocument
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
            TimeZone = settings.TimeZone,
            Locale = settings.Locale,
            FunnelFocus = settings.FunnelFocus,
            Recipients = settings.Recipients,
            Sender = settings.Sender,
            TeamRecipients = settings.TeamRecipients,
            PostingTargets = settings.PostingTargets,
            SeriesRules = settings.SeriesRules,
            TeamsWebhookUrl = WebhookUrlMask.Mask(settings.TeamsWebhookUrl),
            ReportDayOfMonth = settings.ReportDayOfMonth,
            ReportTime = settings.ReportTime,
            PaperSize = settings.PaperSize,
            PostsReassigned = postsReassigned,
        };
    }

    /// <summary>The settings this body describes for <paramref name="brand"/>; missing fields take their defaults.</summary>
    public BrandSettings ToSettings(string brand, string? webhookUrl)
    {
        var defaults = BrandSettings.CreateDefault(brand);
        return defaults with
        {
            DisplayName = DisplayName,
            TimeZone = TimeZone ?? defaults.TimeZone,
            Locale = Locale ?? defaults.Locale,
            FunnelFocus = FunnelFocus ?? defaults.FunnelFocus,
            Recipients = Recipients ?? [],
            Sender = Sender,
            TeamRecipients = TeamRecipients ?? [],
            PostingTargets = PostingTargets ?? new Dictionary<string, double>(),
            SeriesRules = SeriesRules ?? [],
            TeamsWebhookUrl = webhookUrl,
            ReportDayOfMonth = ReportDayOfMonth ?? defaults.ReportDayOfMonth,
            ReportTime = ReportTime ?? defaults.ReportTime,
            PaperSize = PaperSize ?? defaults.PaperSize,
        };
    }
}
