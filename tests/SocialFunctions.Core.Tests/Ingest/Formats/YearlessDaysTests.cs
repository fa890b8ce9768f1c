using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class YearlessDaysTests
{
    private static readonly ExportContext Uploaded = new("b", TimeZoneInfo.Utc, new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero), "u");

    [Theory]
    [InlineData("overview.csv", null, "2026-03-16", "UploadTime")]
    [InlineData("overview.csv", "2026-03-01", "2026-03-01", "ExportedOn")]
    [InlineData("Overview_2026-02-10_1773500000.csv", null, "2026-03-14", "FileName")]
    [InlineData("TikTok_Overview_2026-01-01_2026-01-31.zip", null, "2026-01-31", "FileName")]
    [InlineData("TikTok_Overview_2026-01-01_2026-01-31.zip", "2026-02-02", "2026-02-02", "ExportedOn")]
    public void NotAfter_Anchors_InTheStatedOrder(string fileName, string? exportedOn, string expected, string anchor)
    {
        var context = Uploaded with { ExportedOn = exportedOn is null ? null : DateOnly.Parse(exportedOn, CultureInfo.InvariantCulture) };

        var day = YearlessDays.NotAfter(context, fileName);

        Assert.Equal((DateOnly.Parse(expected, CultureInfo.InvariantCulture), anchor), (day.Day, day.Anchor.ToString()));
    }

    [Theory]
    [InlineData("Overview_1773500000.csv", "2026-03-14T14:53:20Z")]
    [InlineData("export_1773500000123.zip", "2026-03-14T14:53:20.123Z")]
    [InlineData("Overview_17735000001.csv", null)]
    [InlineData("Overview_2026-02-10.csv", null)]
    public void UnixTimeInName_SecondsOrMilliseconds(string fileName, string? expected)
    {
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), YearlessDays.UnixTimeInName(fileName));
    }

    [Fact]
    public void ResolveSeries_NewestFirst_KeepsOrderAcrossTheYearBoundary()
    {
        LocalizedDates.PartialDate[] dates = [new(1, 2, null), new(1, 1, null), new(12, 31, null), new(12, 30, null)];

        var (days, anchor) = YearlessDays.ResolveSeries(dates, new ExportDay(new DateOnly(2026, 1, 3), YearAnchor.UploadTime, "the upload day"), "x.csv");

        Assert.Equal([new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 30)], days);
        Assert.Equal(YearAnchor.UploadTime, anchor.Anchor);
    }

    [Fact]
    public void ResolveSeries_NameHoldsTheFirstDay_WalksForwardFromIt()
    {
        LocalizedDates.PartialDate[] dates = [new(12, 30, null), new(12, 31, null), new(1, 1, null)];

        // An export day far later would put the rows in 2026; the file name's range start says 2024.
        var (days, anchor) = YearlessDays.ResolveSeries(dates, new ExportDay(new DateOnly(2026, 6, 1), YearAnchor.UploadTime, "the upload day"), "Overview_2024-12-30.csv");

        Assert.Equal([new DateOnly(2024, 12, 30), new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 1)], days);
        Assert.Equal(YearAnchor.FileName, anchor.Anchor);
    }

    [Fact]
    public void ResolveSeries_StatedYears_NothingInferred()
    {
        LocalizedDates.PartialDate[] dates = [new(10, 1, 2024), new(10, 2, 2024)];

        var (days, anchor) = YearlessDays.ResolveSeries(dates, new ExportDay(new DateOnly(2026, 1, 1), YearAnchor.UploadTime, "the upload day"), "x.csv");

        Assert.Equal([new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 2)], days);
        Assert.Equal(YearAnchor.Stated, anchor.Anchor);
    }

    [Theory]
    [InlineData(3, 16, "2026-03-16")]
    [InlineData(3, 17, "2025-03-17")]
    [InlineData(2, 29, "2024-02-29")]
    public void FromColumn_YearlessExportDay_LatestOnOrBeforeTheAnchor(int month, int day, string expected)
    {
        var notAfter = new ExportDay(new DateOnly(2026, 3, 16), YearAnchor.UploadTime, "the upload day");

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), YearlessDays.FromColumn(new LocalizedDates.PartialDate(month, day, null), notAfter).Day);
    }

    // The anchor's source is quoted in the upload's warning, so each is pinned as written.
    [Theory]
    [InlineData("overview.csv", null, "the upload day (2026-03-16)")]
    [InlineData("overview.csv", "2026-03-01", "the export day given (2026-03-01)")]
    [InlineData("Overview_1773500000.csv", null, "the export time in the file name (2026-03-14)")]
    [InlineData("TikTok_Overview_2026-01-01_2026-01-31.zip", null, "the date in the file name (2026-01-31)")]
    public void NotAfter_NamesItsSource(string fileName, string? exportedOn, string source)
    {
        var context = Uploaded with { ExportedOn = exportedOn is null ? null : DateOnly.Parse(exportedOn, CultureInfo.InvariantCulture) };

        Assert.Equal(source, YearlessDays.NotAfter(context, fileName).Source);
    }

    // Whole name, name without extension, and the 2010–2100 window's edges (seconds since 1970).
    [Theory]
    [InlineData("1773500000.csv", "2026-03-14T14:53:20Z")]
    [InlineData("Overview_1773500000", "2026-03-14T14:53:20Z")]
    [InlineData("Overview_1262304000.csv", "2010-01-01T00:00:00Z")]
    [InlineData("Overview_1262303999.csv", null)]
    [InlineData("Overview_4102444799.csv", "2099-12-31T23:59:59Z")]
    [InlineData("Overview_4102444800.csv", null)]
    public void UnixTimeInName_EdgesOfNameAndWindow(string fileName, string? expected)
    {
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), YearlessDays.UnixTimeInName(fileName));
    }

    [Fact]
    public void FromColumn_StatedYear_IsTheFilesOwnDay()
    {
        var notAfter = new ExportDay(new DateOnly(2026, 3, 16), YearAnchor.UploadTime, "the upload day");

        var day = YearlessDays.FromColumn(new LocalizedDates.PartialDate(2, 28, 2025), notAfter);

        Assert.Equal(new ExportDay(new DateOnly(2025, 2, 28), YearAnchor.Stated, "the export day in the file"), day);
    }

    [Fact]
    public void ResolveSeries_StatedYears_AnchorIsTheNewestRow()
    {
        LocalizedDates.PartialDate[] dates = [new(10, 2, 2024), new(10, 1, 2024), new(10, 3, 2024)];

        var (_, anchor) = YearlessDays.ResolveSeries(dates, new ExportDay(new DateOnly(2026, 1, 1), YearAnchor.UploadTime, "the upload day"), "x.csv");

        Assert.Equal(new ExportDay(new DateOnly(2024, 10, 3), YearAnchor.Stated, "the dates in the file"), anchor);
    }

    [Fact]
    public void ResolveSeries_SomeYearsStated_TheOthersInferredFromTheExportDay()
    {
        LocalizedDates.PartialDate[] dates = [new(12, 31, 2025), new(1, 1, null)];
        var exportDay = new ExportDay(new DateOnly(2026, 3, 16), YearAnchor.UploadTime, "the upload day");

        var (days, anchor) = YearlessDays.ResolveSeries(dates, exportDay, "x.csv");

        Assert.Equal([new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 1)], days);
        Assert.Equal(exportDay, anchor);
    }

    // A date in the name pins a row only when month and day both match it; the source names the pinned day.
    [Theory]
    [InlineData("Overview_2025-03-16.csv", "2025-03-16", "FileName", "the date in the file name (2025-03-16)")]
    [InlineData("Overview_2025-03-20.csv", "2026-03-16", "UploadTime", "the upload day")]
    [InlineData("Overview_2025-04-16.csv", "2026-03-16", "UploadTime", "the upload day")]
    public void ResolveSeries_DateInName_PinsTheNewestRowOnlyWhenItMatches(string fileName, string newest, string anchorKind, string source)
    {
        LocalizedDates.PartialDate[] dates = [new(3, 14, null), new(3, 15, null), new(3, 16, null)];

        var (days, anchor) = YearlessDays.ResolveSeries(dates, new ExportDay(new DateOnly(2026, 4, 1), YearAnchor.UploadTime, "the upload day"), fileName);

        Assert.Equal(DateOnly.Parse(newest, CultureInfo.InvariantCulture), days[2]);
        Assert.Equal((anchorKind, source), (anchor.Anchor.ToString(), anchor.Source));
    }

    [Fact]
    public void ResolveSeries_NameHoldsTheFirstDay_SourceNamesIt()
    {
        LocalizedDates.PartialDate[] dates = [new(12, 30, null), new(12, 31, null)];

        var (_, anchor) = YearlessDays.ResolveSeries(dates, new ExportDay(new DateOnly(2026, 6, 1), YearAnchor.UploadTime, "the upload day"), "Overview_2024-12-30.csv");

        Assert.Equal("the date in the file name (2024-12-30)", anchor.Source);
    }
}
