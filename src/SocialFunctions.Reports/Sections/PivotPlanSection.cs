using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Reports.Sections;

/// <summary>
/// The team's commentary as written: blank lines separate paragraphs, "- " lines are bullets. Printed as plain text,
/// never interpreted as markup, so nothing the team types can change the document.
/// </summary>
internal sealed class PivotPlanSection(ReportContext context) : IComponent
{
    /// <summary>Characters beyond which a bullet may not fit on one page as an unsplittable row.</summary>
    private const int LongBullet = 1_200;

    public Element Compose()
    {
        var labels = context.Labels;
        var column = new Column { Spacing = 7 }
            .Add(Blocks.SectionTitle(context, labels.PivotPlan, labels.PivotLead), keepWithNext: true);
        var blocks = Parse(context.Model.Commentary);
        if (blocks.Count == 0)
        {
            return column.Add(Blocks.EmptyNote(context, labels.NoCommentary)).Named("pivot-plan");
        }

        var type = context.Typography;
        foreach (var block in blocks)
        {
            if (block.IsBullet && block.Text.Length > LongBullet)
            {
                // A bullet row is kept whole; one longer than a page could hold would not fit anywhere, so it flows as text.
                column.Add(new TextBlock("•  " + block.Text, type.Body).Named("commentary-bullet"));
            }
            else if (block.IsBullet)
            {
                column.Add(new Row { Spacing = 4 }
                    .Fixed(14, new TextBlock("•", type.Body.With(color: Palette.Accent)) { Alignment = TextAlignment.Center })
                    .Relative(1, new TextBlock(block.Text, type.Body).Named("commentary-bullet")));
            }
            else
            {
                column.Add(new TextBlock(block.Text, type.Body).Named("commentary-paragraph"));
            }
        }

        return column.Named("pivot-plan");
    }

    internal static IReadOnlyList<CommentaryBlock> Parse(string? commentary)
    {
        var blocks = new List<CommentaryBlock>();
        if (string.IsNullOrWhiteSpace(commentary))
        {
            return blocks;
        }

        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new CommentaryBlock(string.Join(' ', paragraph), IsBullet: false));
                paragraph.Clear();
            }
        }

        foreach (var raw in commentary.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new CommentaryBlock(line[2..].Trim(), IsBullet: true));
            }
            else
            {
                paragraph.Add(line);
            }
        }

        Flush();
        return blocks;
    }

    internal sealed record CommentaryBlock(string Text, bool IsBullet);
}
