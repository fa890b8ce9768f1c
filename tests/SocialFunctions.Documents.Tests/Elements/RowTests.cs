using SkiaSharp;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Tests.Support;

namespace SocialFunctions.Documents.Tests.Elements;

public sealed class RowTests
{
    [Fact]
    public void Draw_FixedAndRelativeWidths_SharesWhatIsLeftAfterSpacing()
    {
        // 200 wide: 40 fixed + 2 × 10 spacing leaves 140, shared 1 : 3.
        var layout = new TestDocument(TestDocument.Space(200, 100), () => new Row { Spacing = 10 }
            .Fixed(40, Box.Of(20, "fixed"))
            .Relative(1, Box.Of(30, "one"))
            .Relative(3, Box.Of(10, "three"))).Layout();

        Assert.Equal(new SKRect(0, 0, 40, 30), layout.Named("fixed").Single().Area);
        Assert.Equal(new SKRect(50, 0, 85, 30), layout.Named("one").Single().Area);
        Assert.Equal(new SKRect(95, 0, 200, 30), layout.Named("three").Single().Area);
    }

    [Fact]
    public void Draw_RowDoesNotFitUnderContent_MovesWholeRowToNextPage()
    {
        var layout = new TestDocument(TestDocument.Space(200, 100), () => new Column()
            .Add(Box.Of(80, "above"))
            .Add(new Row().Relative(1, Box.Of(10, "left")).Relative(1, Box.Of(30, "right")))).Layout();

        Assert.Equal(2, layout.PageCount);
        Assert.Equal((2, 0f), (layout.Named("left").Single().PageNumber, layout.Named("left").Single().Area.Top));
        Assert.Equal(2, layout.Named("right").Single().PageNumber);
    }

    [Fact]
    public void Draw_SizedBox_ReservesItsHeightWhateverTheChild()
    {
        var layout = new TestDocument(TestDocument.Space(200, 100), () => new Column()
            .Add(new SizedBox(60, Box.Of(10, "inside")))
            .Add(Box.Of(20, "after"))).Layout();

        Assert.Equal(new SKRect(0, 0, 200, 10), layout.Named("inside").Single().Area);
        Assert.Equal(new SKRect(0, 60, 200, 80), layout.Named("after").Single().Area);
    }
}
