using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Reports;

/// <summary>What every section needs: the model, the words and formats of its locale, and the text styles.</summary>
internal sealed class ReportContext
{
    public ReportContext(ReportModel model, Typography typography)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Typography = typography;
        Labels = ReportLabels.For(model.Locale);
        Format = new ReportFormatter(model.Locale);
    }

    public ReportModel Model { get; }

    public Typography Typography { get; }

    public ReportLabels Labels { get; }

    public ReportFormatter Format { get; }

    public string MonthName => Format.Month(Model.Month);

    /// <summary>The brand's calendar date of an instant: a post at 23:30 UTC may be tomorrow in Paris.</summary>
    public DateOnly LocalDate(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(Model.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    public string MetricName(string key) => Labels.Metrics.TryGetValue(key, out var name) ? name : key;

    public string FunnelStage => Labels.FunnelStages.TryGetValue(Model.FunnelFocus, out var stage) ? stage : Model.FunnelFocus;

    /// <summary>Channel ids are lower-case in the data; leaders read the platform's own spelling.</summary>
    public static string ChannelName(string channel) => channel.ToLowerInvariant() switch
    {
        "facebook" => "Facebook",
        "instagram" => "Instagram",
        "x" => "X",
        "linkedin" => "LinkedIn",
        "tiktok" => "TikTok",
        "youtube" => "YouTube",
        "pinterest" => "Pinterest",
        "blog" => "Blog",
        "reddit" => "Reddit",
        _ => channel,
    };
}
