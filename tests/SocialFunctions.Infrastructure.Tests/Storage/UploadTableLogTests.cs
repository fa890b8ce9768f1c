using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>The uploads table: what GET /uploads shows of each file, written by the ingest path and read back as saved.</summary>
public sealed class UploadTableLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Received = new(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(2));

    private readonly UploadTableLog _log = new(TestStorage.Create(azurite));

    private static UploadRecord Record(string brand = "contoso", string uploadId = "abc123") => new()
    {
        Brand = brand,
        UploadId = uploadId,
        FileName = "Instagram posts Oct.csv",
        ReceivedAt = Received,
        Status = UploadStatus.Accepted,
    };

    [Fact]
    public async Task GetAsync_AfterSave_EveryFieldAsSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        var record = Record() with
        {
            SizeBytes = 5_000_000_000,
            Format = "instagram-posts",
            Channel = "instagram",
            Kind = ExportKind.Daily,
            Status = UploadStatus.Partial,
            RowsAccepted = 120,
            RowsRejected = 3,
            EntitiesStored = 600,
            Warnings = ["year taken from the upload day"],
            Errors = [new UploadError(4, 2, "not a date"), new UploadError(null, null, "file-level")],
            From = new DateOnly(2026, 10, 1),
            To = new DateOnly(2026, 10, 31),
            Attempts = 2,
            LastAttemptAt = Received.AddHours(1),
        };

        await _log.SaveAsync(record, ct);
        var read = await _log.GetAsync(BrandName.Parse("contoso"), "abc123", ct);

        Assert.NotNull(read);
        Assert.Equal("contoso", read.Brand);
        Assert.Equal("abc123", read.UploadId);
        Assert.Equal("Instagram posts Oct.csv", read.FileName);
        Assert.Equal(Received, read.ReceivedAt);
        Assert.Equal(5_000_000_000, read.SizeBytes);
        Assert.Equal("instagram-posts", read.Format);
        Assert.Equal("instagram", read.Channel);
        Assert.Equal(ExportKind.Daily, read.Kind);
        Assert.Equal(UploadStatus.Partial, read.Status);
        Assert.Equal(120, read.RowsAccepted);
        Assert.Equal(3, read.RowsRejected);
        Assert.Equal(600, read.EntitiesStored);
        Assert.Equal(["year taken from the upload day"], read.Warnings);
        Assert.Equal([new UploadError(4, 2, "not a date"), new UploadError(null, null, "file-level")], read.Errors);
        Assert.Equal(new DateOnly(2026, 10, 1), read.From);
        Assert.Equal(new DateOnly(2026, 10, 31), read.To);
        Assert.Equal(2, read.Attempts);
        Assert.Equal(Received.AddHours(1), read.LastAttemptAt);
    }

    [Fact]
    public async Task GetAsync_RejectedFileWithNothingRecognised_OptionalFieldsStayEmpty()
    {
        var ct = TestContext.Current.CancellationToken;

        await _log.SaveAsync(Record() with { Status = UploadStatus.Rejected }, ct);
        var read = (await _log.GetAsync(BrandName.Parse("contoso"), "abc123", ct))!;

        Assert.Equal(UploadStatus.Rejected, read.Status);
        Assert.Null(read.Format);
        Assert.Null(read.Channel);
        Assert.Null(read.Kind);
        Assert.Null(read.From);
        Assert.Null(read.To);
        Assert.Null(read.LastAttemptAt);
        Assert.Equal(1, read.Attempts);
        Assert.Empty(read.Errors);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public async Task SaveAsync_SecondAttempt_ReplacesTheRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        await _log.SaveAsync(Record() with { Status = UploadStatus.InProgress, Channel = "instagram", Errors = [new UploadError(1, 1, "old")] }, ct);

        await _log.SaveAsync(Record() with { Status = UploadStatus.Accepted, Attempts = 2 }, ct);
        var read = (await _log.GetAsync(BrandName.Parse("contoso"), "abc123", ct))!;

        Assert.Equal(UploadStatus.Accepted, read.Status);
        Assert.Equal(2, read.Attempts);
        Assert.Null(read.Channel);
        Assert.Empty(read.Errors);
    }

    [Fact]
    public async Task GetAsync_UnknownUpload_Null()
    {
        var ct = TestContext.Current.CancellationToken;
        await _log.SaveAsync(Record(), ct);

        Assert.Null(await _log.GetAsync(BrandName.Parse("contoso"), "other", ct));
        Assert.Null(await _log.GetAsync(BrandName.Parse("fabrikam"), "abc123", ct));
    }

    [Fact]
    public async Task ListAsync_OnlyTheBrandsUploads()
    {
        var ct = TestContext.Current.CancellationToken;
        await _log.SaveAsync(Record("contoso", "a1"), ct);
        await _log.SaveAsync(Record("contoso", "b2"), ct);
        await _log.SaveAsync(Record("fabrikam", "c3"), ct);

        var listed = new List<string>();
        await foreach (var record in _log.ListAsync(BrandName.Parse("contoso"), ct))
        {
            listed.Add($"{record.Brand}/{record.UploadId}/{record.FileName}");
        }

        Assert.Equal(["contoso/a1/Instagram posts Oct.csv", "contoso/b2/Instagram posts Oct.csv"], listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SaveAsync_ErrorListBeyondAStringProperty_KeepsTheFirstErrorsThatFit()
    {
        // A table string property holds 32 K characters: 2,000 long errors do not fit, the first ones are kept.
        var ct = TestContext.Current.CancellationToken;
        var errors = Enumerable.Range(1, 2000).Select(i => new UploadError(i, 3, $"value '{new string('x', 40)}' is not a number")).ToList();

        await _log.SaveAsync(Record() with { Status = UploadStatus.Partial, RowsRejected = 2000, Errors = errors }, ct);
        var read = (await _log.GetAsync(BrandName.Parse("contoso"), "abc123", ct))!;

        Assert.InRange(read.Errors.Count, 100, 1999);
        Assert.Equal(errors.Take(read.Errors.Count), read.Errors);
        Assert.Equal(2000, read.RowsRejected);
    }

    [Fact]
    public async Task SaveAsync_ErrorListThatFits_KeptWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        var errors = Enumerable.Range(1, 200).Select(i => new UploadError(i, 3, "not a number")).ToList();

        await _log.SaveAsync(Record() with { Status = UploadStatus.Partial, Errors = errors }, ct);

        Assert.Equal(errors, (await _log.GetAsync(BrandName.Parse("contoso"), "abc123", ct))!.Errors);
    }
}
