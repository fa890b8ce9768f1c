using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>The weekly digest's run record: claimed once per brand and week, every step a conditional write.</summary>
public sealed class DigestRunTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly BrandName Brand = BrandName.Parse("contoso");
    private static readonly DigestWeek Week = new(new DateOnly(2026, 10, 26));

    private readonly DigestRunTableStore _store = new(TestStorage.Create(azurite));

    private static DigestRun Claim(string runId = "run-1", DigestWeek? week = null) => new()
    {
        Brand = Brand,
        Week = week ?? Week,
        Status = DigestRunStatus.Claimed,
        RunId = runId,
        ClaimedAt = Now,
    };

    [Fact]
    public async Task TryCreateAsync_NewWeek_StoredUnderTheIsoWeekWithItsETag()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = await _store.TryCreateAsync(Claim(), ct);
        var read = await _store.GetAsync(Brand, Week, ct);

        Assert.NotNull(created?.ETag);
        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(DigestRunStatus.Claimed, read.Status);
        Assert.Equal("run-1", read.RunId);
        Assert.Equal(Now, read.ClaimedAt);
        Assert.Equal(1, read.Attempts);
        Assert.False(read.MailDone);
        Assert.False(read.CardDone);
        Assert.Null(read.SentAt);
        Assert.Equal(Week, read.Week);
        Assert.Equal("2026-W44", DigestRunTableStore.ToEntity(read).RowKey);
    }

    [Fact]
    public async Task GetAsync_OtherWeekOrBrand_Null()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryCreateAsync(Claim(), ct);

        Assert.Null(await _store.GetAsync(Brand, Week.Previous, ct));
        Assert.Null(await _store.GetAsync(BrandName.Parse("fabrikam"), Week, ct));
    }

    [Fact]
    public async Task TryCreateAsync_WeekAlreadyClaimed_NullAndFirstClaimKept()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryCreateAsync(Claim("first"), ct);

        var second = await _store.TryCreateAsync(Claim("second"), ct);

        Assert.Null(second);
        Assert.Equal("first", (await _store.GetAsync(Brand, Week, ct))!.RunId);
    }

    [Fact]
    public async Task TryUpdateAsync_EveryStepRoundTrips_AndAStaleCopyLoses()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = (await _store.TryCreateAsync(Claim(), ct))!;
        var mailed = (await _store.TryUpdateAsync(created with { MailDone = true, Attempts = 2, Delivery = "graph" }, ct))!;
        var sent = await _store.TryUpdateAsync(mailed with { CardDone = true, Status = DigestRunStatus.Sent, SentAt = Now.AddMinutes(3) }, ct);

        var stale = await _store.TryUpdateAsync(created with { Status = DigestRunStatus.Failed, FailureReason = "late" }, ct);
        var read = (await _store.GetAsync(Brand, Week, ct))!;

        Assert.NotNull(sent);
        Assert.NotEqual(created.ETag, mailed.ETag);
        Assert.Equal(sent.ETag, read.ETag);
        Assert.Null(stale);
        Assert.Equal(DigestRunStatus.Sent, read.Status);
        Assert.True(read.MailDone);
        Assert.True(read.CardDone);
        Assert.Equal(2, read.Attempts);
        Assert.Equal(Now.AddMinutes(3), read.SentAt);
        Assert.Equal("graph", read.Delivery);
        Assert.Null(read.FailureReason);
        Assert.True(read.IsDelivered);
    }

    [Fact]
    public async Task TryUpdateAsync_NeverRead_RefusedWithReason()
    {
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.TryUpdateAsync(Claim(), ct));

        Assert.Equal("etag", error.ParamName);
        Assert.Contains("must have been read from the store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryUpdateAsync_RecordDeletedMeanwhile_NullNotAnError()
    {
        // A run updated after its record went away (404) lost the race like one updated after a change (412).
        var ct = TestContext.Current.CancellationToken;
        var clients = TestStorage.Create(azurite);
        var store = new DigestRunTableStore(clients);
        var mine = (await store.TryCreateAsync(Claim(), ct))!;
        var table = await clients.TableAsync(DigestRunTableStore.TableName, ct);
        await table.DeleteEntityAsync(Brand.Value, Week.Key, cancellationToken: ct);

        Assert.Null(await store.TryUpdateAsync(mine with { Status = DigestRunStatus.Sent }, ct));
        Assert.Null(await store.GetAsync(Brand, Week, ct));
    }

    [Fact]
    public async Task TryUpdateAsync_OverlongReasonAndDelivery_CutAt4000CharactersWithEllipsis()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = (await _store.TryCreateAsync(Claim(), ct))!;
        var longText = new string('r', 4000) + "tail";

        await _store.TryUpdateAsync(created with { Status = DigestRunStatus.Failed, FailureReason = longText, Delivery = longText }, ct);
        var read = (await _store.GetAsync(Brand, Week, ct))!;

        Assert.Equal(new string('r', 4000) + "…", read.FailureReason);
        Assert.Equal(new string('r', 4000) + "…", read.Delivery);
    }

    [Fact]
    public async Task TryUpdateAsync_ReasonOfExactly4000Characters_KeptWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = (await _store.TryCreateAsync(Claim(), ct))!;
        var text = new string('r', 4000);

        await _store.TryUpdateAsync(created with { Status = DigestRunStatus.Failed, FailureReason = text, Delivery = text }, ct);
        var read = (await _store.GetAsync(Brand, Week, ct))!;

        Assert.Equal(text, read.FailureReason);
        Assert.Equal(text, read.Delivery);
    }
}
