using System.Security.Cryptography;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

public sealed class ReportBlobArchiveTests(AzuriteFixture azurite)
{
    private readonly ReportBlobArchive _archive = new(TestStorage.Create(azurite));

    [Fact]
    public async Task SaveAsync_Pdf_OpenReturnsSameBytesETagAndMd5()
    {
        var ct = TestContext.Current.CancellationToken;
        var pdf = "%PDF-1.7 test"u8.ToArray();

        var saved = await _archive.SaveAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), pdf, ct);
        var opened = await _archive.OpenAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct);
        var info = await _archive.GetInfoAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct);

#pragma warning disable CA5351 // the archive's checksum is MD5 by Blob Storage's definition
        var md5 = Convert.ToBase64String(MD5.HashData(pdf));
#pragma warning restore CA5351
        Assert.NotNull(opened);
        Assert.Equal(pdf, opened.Content);
        Assert.StartsWith("\"", saved.ETag, StringComparison.Ordinal);
        Assert.Equal(saved.ETag, opened.Info.ETag);
        Assert.Equal(saved.ETag, info!.ETag);
        Assert.Equal(md5, saved.ContentMd5);
        Assert.Equal(md5, info.ContentMd5);
        Assert.Equal(pdf.Length, info.Length);
    }

    [Fact]
    public async Task SaveAsync_Replaced_ETagChanges()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = await _archive.SaveAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), "%PDF one"u8.ToArray(), ct);
        var second = await _archive.SaveAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), "%PDF two"u8.ToArray(), ct);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("%PDF two"u8.ToArray(), (await _archive.OpenAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!.Content);
    }

    [Fact]
    public async Task OpenAsync_NoArchivedCopy_Null()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await _archive.OpenAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2020-01"), ct));
        Assert.Null(await _archive.GetInfoAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2020-01"), ct));
    }

    [Fact]
    public void BlobName_BrandAndMonth_IsBrandSlashMonthPdf() => Assert.Equal("contoso/2026-10.pdf", ReportBlobArchive.BlobName(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10")));
}
