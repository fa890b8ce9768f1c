using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Glossary;

namespace SocialFunctions.Reports.Sections;

/// <summary>The metric definitions, printed from the spec the whole product follows.</summary>
internal sealed class GlossarySection(ReportContext context, IReadOnlyList<GlossaryTopic> topics) : IComponent
{
    public Element Compose()
    {
        var labels = context.Labels;
        var type = context.Typography;
        var column = new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.Glossary, labels.GlossaryLead), keepWithNext: true);
        foreach (var topic in topics)
        {
            column.Add(Blocks.Heading(context, topic.Title), keepWithNext: true);
            foreach (var paragraph in topic.Paragraphs)
            {
                column.Add(new TextBlock(paragraph, type.Body));
            }

            var terms = topic.Entries.Where(entry => entry.Term.Length > 0).ToList();
            if (terms.Count > 0)
            {
                var table = Blocks.NewTable([TableColumn.Points(120), TableColumn.Share(1)]);
                table.Header(Blocks.HeaderCell(context, labels.Term), Blocks.HeaderCell(context, labels.Definition));
                foreach (var entry in terms)
                {
                    table.AddRow(Blocks.Cell(entry.Term, type.TableCellBold).Named("glossary-term"), Blocks.Cell(entry.Definition, type.TableCell));
                }

                column.Add(table.Named("glossary-table"));
            }
        }

        return column.Named("glossary");
    }
}
