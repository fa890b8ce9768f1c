using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

public sealed class CommentaryTableStoreTests(AzuriteFixture azurite)
{
    private readonly CommentaryTableStore _store = new(TestStorage.Create(azurite));

    [Fact]
    public async Task GetAsync_AfterSave_ReturnsTextAsSent()
    {
        var ct = TestContext.Current.CancellationToken;
        var text = "We pivot to reels.\n\n- <b>not html</b> & \"quotes\"\n- émoji 🎉\r\n" + new string('x', 19_900);

        await _store.SaveAsync(BrandName.Parse("acme"), ReportMonth.Parse("2026-10"), text, ct);

        Assert.Equal(text, await _store.GetAsync(BrandName.Parse("acme"), ReportMonth.Parse("2026-10"), ct));
        Assert.Null(await _store.GetAsync(BrandName.Parse("acme"), ReportMonth.Parse("2026-09"), ct));
        Assert.Null(await _store.GetAsync(BrandName.Parse("other"), ReportMonth.Parse("2026-10"), ct));
    }

    [Fact]
    public async Task SaveAsync_Twice_LastTextWins()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SaveAsync(BrandName.Parse("acme"), ReportMonth.Parse("2026-10"), "first", ct);

        await _store.SaveAsync(BrandName.Parse("acme"), ReportMonth.Parse("2026-10"), "second", ct);

        Assert.Equal("second", await _store.GetAsync(BrandName.Parse("acme"), ReportMonth.Parse("2026-10"), ct));
    }
}
