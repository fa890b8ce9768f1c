using SocialFunctions.Reports.Sections;

namespace SocialFunctions.Reports.Tests.Sections;

public sealed class PivotPlanSectionTests
{
    [Fact]
    public void Parse_ParagraphsAndBullets_KeepsThemInOrderAsPlainText()
    {
        var blocks = PivotPlanSection.Parse("We will test reels.\nTwice a week.\n\n- Brief the café <script>\n- Review in **December**\nClosing line.");

        Assert.Equal(
            [
                new PivotPlanSection.CommentaryBlock("We will test reels. Twice a week.", false),
                new PivotPlanSection.CommentaryBlock("Brief the café <script>", true),
                new PivotPlanSection.CommentaryBlock("Review in **December**", true),
                new PivotPlanSection.CommentaryBlock("Closing line.", false),
            ],
            blocks);
    }

    [Fact]
    public void Parse_Whitespace_ReturnsNoBlocks() => Assert.Empty(PivotPlanSection.Parse(" \n \r\n"));
}
