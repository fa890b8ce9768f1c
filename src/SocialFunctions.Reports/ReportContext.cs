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
    public DateOnly LocalDate(DateTimeOffset instant) => Model.Clock.LocalDate(instant);

    public string MetricName(string key) => Labels.Metrics.TryGetValue(key, out var name) ? name : key;

    public string FunnelStage => Labels.FunnelStages[Model.FunnelFocus];

    /// <inheritdoc cref="ChannelNames.Of"/>
    public static string ChannelName(string channel) => ChannelNames.Of(channel);
}
