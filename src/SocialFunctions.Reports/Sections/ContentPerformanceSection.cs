using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Reports.Sections;

/// <summary>Top and bottom posts as tables that run across as many pages as they need, header repeated.</summary>
internal sealed class ContentPerformanceSection(ReportContext context) : IComponent
{
    public Element Compose()
    {
        var labels = context.Labels;
        return new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.ContentPerformance, labels.ContentLead), keepWithNext: true)
            .Add(Blocks.Heading(context, labels.TopPosts), keepWithNext: true)
            .Add(PostsTable(context.Model.TopPosts, "top-posts"))
            .Add(CanvasElement.Space(6))
            .Add(Blocks.Heading(context, labels.BottomPosts), keepWithNext: true)
            .Add(PostsTable(context.Model.BottomPosts, "bottom-posts"))
            .Named("content-performance");
    }

    private Element PostsTable(IReadOnlyList<PostSummary> posts, string name)
    {
        if (posts.Count == 0)
        {
            return Blocks.EmptyNote(context, context.Labels.NoPosts);
        }

        var labels = context.Labels;
        var type = context.Typography;
        var format = context.Format;
        var table = Blocks.NewTable([
            TableColumn.Points(30), TableColumn.Points(44), TableColumn.Points(54), TableColumn.Share(1),
            TableColumn.Points(66), TableColumn.Points(74), TableColumn.Points(46),
        ]);
        table.Header(
            Blocks.HeaderCell(context, "#"),
            Blocks.HeaderCell(context, labels.Date),
            Blocks.HeaderCell(context, labels.Channel),
            Blocks.HeaderCell(context, labels.Post),
            Blocks.HeaderCell(context, context.MetricName("impressions"), TextAlignment.Right),
            Blocks.HeaderCell(context, context.MetricName("engagements"), TextAlignment.Right),
            Blocks.HeaderCell(context, labels.RateShort, TextAlignment.Right));
        var rank = 1;
        foreach (var post in posts)
        {
            var text = new Column { Spacing = 1 }
                .Add(Blocks.Cell(string.IsNullOrWhiteSpace(post.Text) ? post.PostId : post.Text, type.TableCell, maxLines: 2).Named("post-text"));
            if (!string.IsNullOrWhiteSpace(post.Series))
            {
                text.Add(Blocks.Cell(post.Series, type.TableCellMuted.With(color: Palette.Accent), maxLines: 1));
            }

            table.AddRow(
                Blocks.Cell(rank.ToString(format.Culture), type.TableCellMuted),
                Blocks.Cell(format.ShortDate(context.LocalDate(post.PublishedAt)), type.TableCell),
                Blocks.Cell(ReportContext.ChannelName(post.Channel), type.TableCell),
                text,
                Blocks.Number(context, format.Count(post.Impressions)),
                Blocks.Number(context, format.Count(post.Engagements)),
                new TextBlock(format.Rate(post.EngagementRate), type.TableCellBold) { Alignment = TextAlignment.Right });
            rank++;
        }

        table.Name = name;
        return table;
    }
}
