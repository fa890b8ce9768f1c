using SkiaSharp;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Tests.Support;

namespace SocialFunctions.Documents.Tests.Elements;

public sealed class ColumnTests
{
    [Fact]
    public void Draw_ChildrenFitOnePage_StacksThemWithSpacing()
    {
        var layout = new TestDocument(TestDocument.Space(100, 200), () => new Column { Spacing = 10 }
            .Add(Box.Of(30, "a"))
            .Add(Box.Of(40, "b"))
            .Add(Box.Of(50, "c"))).Layout();

        Assert.Equal(1, layout.PageCount);
        Assert.Equal(new SKRect(0, 0, 100, 30), layout.Named("a").Single().Area);
        Assert.Equal(new SKRect(0, 40, 100, 80), layout.Named("b").Single().Area);
        Assert.Equal(new SKRect(0, 90, 100, 140), layout.Named("c").Single().Area);
    }

    [Fact]
    public void Draw_ChildDoesNotFit_MovesItToTheTopOfTheNextPage()
    {
        var layout = new TestDocument(TestDocument.Space(100, 100), () => new Column { Spacing = 10 }
            .Add(Box.Of(60, "a"))
            .Add(Box.Of(60, "b"))
            .Add(Box.Of(20, "c"))).Layout();

        Assert.Equal(2, layout.PageCount);
        Assert.Equal(1, layout.Named("a").Single().PageNumber);
        var b = layout.Named("b").Single();
        Assert.Equal((2, new SKRect(0, 0, 100, 60)), (b.PageNumber, b.Area));
        var c = layout.Named("c").Single();
        Assert.Equal((2, new SKRect(0, 70, 100, 90)), (c.PageNumber, c.Area));
    }

    [Fact]
    public void Draw_KeepWithNextHeadingAtPageEnd_MovesHeadingWithItsContent()
    {
        var layout = new TestDocument(TestDocument.Space(100, 100), () => new Column()
            .Add(Box.Of(70, "intro"))
            .Add(Box.Of(20, "heading"), keepWithNext: true)
            .Add(Box.Of(50, "body"))).Layout();

        Assert.Equal(2, layout.PageCount);
        var heading = layout.Named("heading").Single();
        Assert.Equal((2, 0f), (heading.PageNumber, heading.Area.Top));
        var body = layout.Named("body").Single();
        Assert.Equal((2, 20f), (body.PageNumber, body.Area.Top));
    }

    [Fact]
    public void Draw_PageBreak_StartsTheNextChildOnANewPage()
    {
        var layout = new TestDocument(TestDocument.Space(100, 100), () => new Column()
            .Add(Box.Of(10, "a"))
            .Add(new PageBreak())
            .Add(Box.Of(10, "b"))).Layout();

        Assert.Equal(2, layout.PageCount);
        var b = layout.Named("b").Single();
        Assert.Equal((2, 0f), (b.PageNumber, b.Area.Top));
    }
}
