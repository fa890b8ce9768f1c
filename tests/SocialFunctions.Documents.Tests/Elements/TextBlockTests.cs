using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Documents.Tests.Support;

namespace SocialFunctions.Documents.Tests.Elements;

public sealed class TextBlockTests
{
    private static TextStyle Style() => new(FontLibrary.Default.Regular, 10, SkiaSharp.SKColors.Black, lineHeight: 1.5f);

    [Fact]
    public void Measure_TextWiderThanSpace_WrapsAtSpacesIntoLinesOfLineSpacing()
    {
        var block = new TextBlock("alpha beta gamma delta", Style());
        var oneWord = Style().MeasureWidth("gamma delta");

        var plan = block.Measure(new SkiaSharp.SKSize(oneWord + 1, 1000));

        Assert.Equal(SpacePlanKind.FullRender, plan.Kind);
        Assert.Equal(2 * 15f, plan.Height, 3);
    }

    [Fact]
    public void Draw_ParagraphLongerThanPage_ContinuesOnNextPageByWholeLines()
    {
        // 20 hard lines of 15 pt on 100 pt pages: 6 lines per page → 4 pages (6 + 6 + 6 + 2).
        var text = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var layout = new TestDocument(TestDocument.Space(300, 100), () => new TextBlock(text, Style()).Named("text")).Layout();

        Assert.Equal(4, layout.PageCount);
        var parts = layout.Named("text").ToList();
        Assert.Equal([1, 2, 3, 4], parts.Select(p => p.PageNumber));
        Assert.Equal([90f, 90f, 90f, 30f], parts.Select(p => p.Area.Height));
    }

    [Fact]
    public void Measure_MaxLines_ClampsAndEndsWithEllipsis()
    {
        var block = new TextBlock(string.Join(' ', Enumerable.Repeat("word", 200)), Style()) { MaxLines = 2 };

        var plan = block.Measure(new SkiaSharp.SKSize(120, 1000));

        Assert.Equal(30f, plan.Height, 3);
    }
}
