using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialFunctions.Reports.Glossary;

/// <summary>One term and its definition, from a table row or a "- **Term** = …" bullet of the spec.</summary>
internal sealed record GlossaryEntry(string Term, string Definition);

/// <summary>A "## " section of the spec: its prose paragraphs and its defined terms, in order.</summary>
internal sealed record GlossaryTopic(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<GlossaryEntry> Entries);

/// <summary>
/// The glossary printed at the end of the report, parsed from the metric spec (metrics.md) embedded in this assembly,
/// so the report and the contract cannot drift apart. Understands the subset of Markdown the spec uses.
/// </summary>
internal static partial class MetricGlossary
{
    private const string ResourceName = "SocialFunctions.Reports.Glossary.metrics.md";
    private const string FrenchResourceName = "SocialFunctions.Reports.Glossary.metrics.fr.md";

    private static readonly Lazy<IReadOnlyList<GlossaryTopic>> Embedded = new(() => Parse(ReadEmbedded()));
    private static readonly Lazy<IReadOnlyList<GlossaryTopic>> EmbeddedFrench = new(() => Parse(ReadEmbedded(FrenchResourceName)));

    /// <summary>The spec's definitions in English (the contract).</summary>
    public static IReadOnlyList<GlossaryTopic> Topics => Embedded.Value;

    /// <summary>The glossary in the report's language: the spec, or its French translation (same topics and terms, in order).</summary>
    public static IReadOnlyList<GlossaryTopic> For(Core.Brands.ReportLocale locale) =>
        locale.Language == Core.Brands.ReportLanguage.French ? EmbeddedFrench.Value : Embedded.Value;

    public static string ReadEmbedded(string resourceName = ResourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The glossary resource '{resourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<GlossaryTopic> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var topics = new List<GlossaryTopic>();
        string? title = null;
        var paragraphs = new List<string>();
        var entries = new List<GlossaryEntry>();
        var block = new List<string>();
        var tableRows = 0;

        void FlushBlock()
        {
            if (block.Count == 0)
            {
                return;
            }

            var text = string.Join(' ', block.Select(line => line.Trim()));
            block.Clear();
            if (text.StartsWith("- ", StringComparison.Ordinal))
            {
                entries.Add(ParseBullet(text[2..]));
            }
            else
            {
                paragraphs.Add(Clean(text));
            }
        }

        void FlushTopic()
        {
            FlushBlock();
            if (title is not null && (paragraphs.Count > 0 || entries.Count > 0))
            {
                topics.Add(new GlossaryTopic(title, [.. paragraphs], [.. entries]));
            }

            paragraphs.Clear();
            entries.Clear();
        }

        foreach (var raw in markdown.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                FlushTopic();
                title = Clean(line[3..]);
                tableRows = 0;
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal) || title is null)
            {
                continue;
            }
            else if (line.StartsWith('|'))
            {
                FlushBlock();
                tableRows++;
                var cells = line.Trim('|').Split('|').Select(cell => Clean(cell.Trim())).ToArray();
                // Row 1 is the header and row 2 the "---" separator; the rest define terms.
                if (tableRows > 2 && cells.Length >= 2)
                {
                    entries.Add(new GlossaryEntry(cells[0], string.Join(" · ", cells.Skip(1))));
                }
            }
            else if (line.Length == 0)
            {
                FlushBlock();
                tableRows = 0;
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                FlushBlock();
                block.Add(line);
            }
            else
            {
                block.Add(line);
            }
        }

        FlushTopic();
        return topics;
    }

    private static GlossaryEntry ParseBullet(string text)
    {
        var match = LeadingTerm().Match(text);
        if (!match.Success)
        {
            return new GlossaryEntry(string.Empty, Clean(text));
        }

        var term = Clean(match.Groups["term"].Value);
        var definition = Clean(text[match.Length..]).TrimStart();
        if (definition.StartsWith('='))
        {
            definition = definition[1..].TrimStart();
        }

        return new GlossaryEntry(term, definition);
    }

    /// <summary>Removes the Markdown the spec uses (emphasis, code spans) but keeps every word.</summary>
    private static string Clean(string text) =>
        MultipleSpaces().Replace(text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"^\*\*(?<term>[^*]+)\*\*")]
    private static partial Regex LeadingTerm();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
