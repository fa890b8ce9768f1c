using SkiaSharp;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Glossary;
using SocialFunctions.Reports.Sections;

namespace SocialFunctions.Reports;

/// <summary>The monthly trend report of one brand as a document: cover, then one section after another.</summary>
internal sealed class TrendReport : IDocument, IPageReferences
{
    /// <summary>Printed for the coverage page until the first layout pass knows it: two digits, as wide as the real number.</summary>
    private const int PagePlaceholder = 99;

    private static readonly string[] AnchorNames = ["coverage"];
    private int coveragePage = PagePlaceholder;

    private readonly ReportModel model;
    private readonly FontLibrary fonts;
    private readonly IReadOnlyList<GlossaryTopic> glossary;

    public TrendReport(ReportModel model, FontLibrary fonts, IReadOnlyList<GlossaryTopic> glossary)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        this.fonts = fonts;
        this.glossary = glossary;
        var labels = Localization.ReportLabels.For(model.Locale);
        var month = new Localization.ReportFormatter(model.Locale).Month(model.Month);
        Metadata = new DocumentMetadata
        {
            Title = $"{model.DisplayName} — {labels.TrendReport.ToLower(model.Locale.Culture)} {month}",
            Author = "SocialFunctions",
            Subject = $"{labels.TrendReport} {month}",
            Creator = "SocialFunctions",
            Language = model.Locale.Code,
            CreatedAt = model.GeneratedAt,
        };
        Page = new PageSetup
        {
            Size = model.PaperSize == Core.Brands.PaperSize.Letter ? PageSetup.Letter : PageSetup.A4,
            HeaderHeight = 16,
            FooterHeight = 12,
            BandSpacing = 16,
        };
    }

    public DocumentMetadata Metadata { get; }

    public PageSetup Page { get; }

    public IReadOnlyCollection<string> Anchors => AnchorNames;

    public void Resolve(IReadOnlyDictionary<string, int> firstPages) =>
        coveragePage = firstPages.TryGetValue("coverage", out var page) ? page : PagePlaceholder;

    public DocumentContent Compose()
    {
        // A fresh context per pass: text styles hold native fonts that belong to this render only.
        var context = new ReportContext(model, new Typography(fonts));
        var sections = new List<IComponent>
        {
            new CoverSection(context),
            new ExecutiveSummarySection(context, coveragePage),
            new OverviewSection(context),
        };
        sections.AddRange(model.Channels.Count == 0
            ? [new EmptyChannelsSection(context)]
            : model.Channels.Select(channel => (IComponent)new ChannelSection(context, channel)));
        sections.Add(new ContentPerformanceSection(context));
        sections.Add(new SeriesSection(context));
        sections.Add(new CalendarSection(context));
        sections.Add(new PivotPlanSection(context));
        sections.Add(new CoverageSection(context));
        sections.Add(new GlossarySection(context, glossary));

        var body = new Column();
        for (var i = 0; i < sections.Count; i++)
        {
            if (i > 0)
            {
                body.Add(new PageBreak());
            }

            body.Add(sections[i].Compose());
        }

        return new DocumentContent
        {
            Content = body.Named("trend-report"),
            Header = page => page.PageNumber == 1 ? null : PageHeader(context),
            Footer = page => page.PageNumber == 1 ? null : PageFooter(context, page),
            Background = (canvas, page) =>
            {
                if (page.PageNumber == 1)
                {
                    CoverSection.DrawBackground(canvas, page.PageSize);
                }
            },
        };
    }

    private static Column PageHeader(ReportContext context) => new Column { Spacing = 4 }
        .Add(new Row { Spacing = 8 }
            .Relative(1, new TextBlock(context.Model.DisplayName, context.Typography.PageHeaderBold) { MaxLines = 1 })
            .Relative(1, new TextBlock($"{context.Labels.TrendReport} · {context.MonthName}", context.Typography.PageHeader) { Alignment = TextAlignment.Right, MaxLines = 1 }))
        .Add(CanvasElement.Rectangle(0.5f, Palette.Rule));

    private static Row PageFooter(ReportContext context, PageContext page) => new Row { Spacing = 8 }
        .Relative(1, new TextBlock($"SocialFunctions · {context.Labels.Generated} {context.Format.Date(context.LocalDate(context.Model.GeneratedAt))}", context.Typography.PageHeader) { MaxLines = 1 })
        .Relative(1, new TextBlock(string.Format(context.Format.Culture, context.Labels.PageOf, page.PageNumber, page.TotalPages), context.Typography.PageHeader) { Alignment = TextAlignment.Right, MaxLines = 1 }.Named("page-number"));

    /// <summary>Keeps the channel part of the report visible, with its explanation, when no channel has data.</summary>
    private sealed class EmptyChannelsSection(ReportContext context) : IComponent
    {
        public Element Compose() => new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, context.Labels.ChannelPerformance, context.Labels.ChannelLead))
            .Add(Blocks.EmptyNote(context, context.Labels.NoChannels));
    }
}
