using SkiaSharp;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Sections;

/// <summary>The first page: brand, month and funnel focus on a colour band, then what the report contains.</summary>
internal sealed class CoverSection(ReportContext context) : IComponent
{
    /// <summary>Height of the navy band from the top edge of the page, in points.</summary>
    public const float BandHeight = 330;

    public Element Compose()
    {
        var type = context.Typography;
        var labels = context.Labels;
        var model = context.Model;
        var band = new Column { Spacing = 6 }
            .Add(CanvasElement.Space(60))
            .Add(new TextBlock(labels.ReportKind, type.CoverLabel))
            .Add(CanvasElement.Space(4))
            .Add(new TextBlock(model.DisplayName, type.CoverTitle) { MaxLines = 3 }.Named("cover-brand"))
            .Add(new TextBlock(context.MonthName, type.CoverSubtitle).Named("cover-month"));

        var headline = string.Join(", ", ReportMetric.Headline(model.FunnelFocus).Select(metric => context.MetricName(metric.Key)));
        var focus = new Column { Spacing = 3 }
            .Add(new TextBlock(labels.FunnelFocus.ToUpperInvariant(), type.KpiLabel))
            .Add(new TextBlock(context.FunnelStage, type.CoverEmphasis).Named("cover-focus"))
            .Add(new TextBlock($"{labels.HeadlineMetrics}{labels.Colon}{headline}", type.CoverBody))
            .Card(Palette.Panel, 12, accent: Palette.Accent);

        var contents = new Column { Spacing = 2 }
            .Add(new TextBlock(labels.Contents.ToUpperInvariant(), type.KpiLabel).PaddingBottom(2));
        var number = 1;
        foreach (var title in SectionTitles())
        {
            contents.Add(new Row { Spacing = 4 }
                .Fixed(18, new TextBlock(number.ToString("00", context.Format.Culture), type.BodyBold.With(color: Palette.Accent)))
                .Relative(1, new TextBlock(title, type.CoverBody)));
            number++;
        }

        var generated = $"{labels.Generated} {context.Format.Date(context.LocalDate(model.GeneratedAt))} · {labels.PreparedFor}";
        return new Column { Spacing = 18 }
            .Add(new SizedBox(BandHeight - 40 - 18, band))
            .Add(focus)
            .Add(contents)
            .Add(new TextBlock(generated, type.Note))
            .Named("cover");
    }

    /// <summary>Draws the navy band and a thin accent line under it; called for page 1 only.</summary>
    public static void DrawBackground(SKCanvas canvas, SKSize page)
    {
        using var navy = new SKPaint { Color = Palette.Navy, Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(0, 0, page.Width, BandHeight), navy);
        using var accent = new SKPaint { Color = Palette.Accent, Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(0, BandHeight, page.Width, BandHeight + 4), accent);
    }

    private IEnumerable<string> SectionTitles()
    {
        var labels = context.Labels;
        yield return labels.ExecutiveSummary;
        yield return labels.Overview;
        yield return labels.ChannelPerformance;
        yield return labels.ContentPerformance;
        yield return labels.SeriesPerformance;
        yield return labels.CalendarAdherence;
        yield return labels.PivotPlan;
        yield return labels.DataCoverage;
        yield return labels.Glossary;
    }
}
