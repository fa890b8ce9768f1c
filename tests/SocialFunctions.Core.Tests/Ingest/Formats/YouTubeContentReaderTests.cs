using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class YouTubeContentReaderTests
{
    [Theory]
    [InlineData("Content 2026-09-01_2026-10-31 Lumen Coffee.zip", 2, 0, "2026-09-01", "2026-10-31")]
    [InlineData("table-data-european-resave_2026-09-01_2026-10-31.csv", 1, 0, "2026-09-01", "2026-10-31")]
    [InlineData("Table data.csv", 2, 1, "2026-09-29", "2026-11-05")]
    public async Task ReadAsync_Fixture_YieldsRangeAggregatesSkippingTotal(string file, int posts, int rejected, string from, string to)
    {
        var parsed = await ExportParse.ParseAsync("youtube", file);

        Assert.Equal("youtube-content", parsed.Format);
        Assert.Equal(posts, parsed.Posts.Count);
        Assert.Equal(rejected, parsed.Rejected.Count);
        Assert.DoesNotContain(parsed.Posts, p => p.PostId == "Total");
        var first = parsed.Posts[0];
        Assert.Equal(ExportKind.Range, first.Kind);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), first.RangeFrom);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), first.RangeTo);
        Assert.Equal("dQ3kLm9xP2A", first.PostId);
        Assert.Equal(72900d, first.WatchTimeSeconds);
        Assert.Equal(15000, first.Impressions);
        Assert.Equal(1000, first.VideoViews);
        Assert.Equal(new DateTimeOffset(2026, 9, 28, 22, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(ContentTypes.Video, first.ContentType);
    }

    /// <summary>
    /// Each post whole, as the upload stores it: the shared fields (brand, channel, kind, upload, export time) and each
    /// row's own (id, publication, range, text, metrics) — each row is a copy of one template, so a field left at the
    /// template's value, or carried over from the row before, shows here.
    /// </summary>
    [Fact]
    public async Task ReadAsync_Rows_AreWholePostsWithTheirOwnFields()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "Table data.csv");

        CanonicalPost Expected(string id, string title, DateOnly published, string contentType, long impressions, long views, double watchSeconds) => new()
        {
            Brand = "lumen-coffee",
            Channel = Channels.YouTube,
            PostId = id,
            PublishedAt = new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-2),
            Kind = ExportKind.Range,
            RangeFrom = published,
            RangeTo = new DateOnly(2026, 11, 5),
            UploadId = "upload-1",
            ExportedAt = ExportParse.ReceivedAt,
            Text = title,
            ContentType = contentType,
            Impressions = impressions,
            VideoViews = views,
            WatchTimeSeconds = watchSeconds,
        };

        Assert.Equal(
            [
                Expected("dQ3kLm9xP2A", "How to dial in espresso", new DateOnly(2026, 9, 29), ContentTypes.Video, 15000, 1000, 72900),
                Expected("-fR8tYu1ZqE", "Pour-over in 4 minutes", new DateOnly(2026, 10, 2), ContentTypes.Short, 5000, 500, 18900),
            ],
            parsed.Posts);
    }

    [Fact]
    public async Task ReadAsync_IdWithLeadingSpace_TrimsItAndMarksShort()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "Content 2026-09-01_2026-10-31 Lumen Coffee.zip");

        var second = parsed.PostRows[1];
        Assert.Equal(4, second.Line);
        Assert.Equal("-fR8tYu1ZqE", second.Post.PostId);
        Assert.Equal("Pour-over in 4 minutes", second.Post.Text);
        Assert.Equal(ContentTypes.Short, second.Post.ContentType);
        Assert.Equal(18900d, second.Post.WatchTimeSeconds);
        Assert.Null(second.Post.Reactions);
    }

    [Fact]
    public async Task ReadAsync_NewerColumns_MapsThumbnailImpressionsAndEngagement()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "table-data-european-resave_2026-09-01_2026-10-31.csv");

        var post = Assert.Single(parsed.Posts);
        Assert.Equal(30, post.Reactions);
        Assert.Equal(5, post.Comments);
        Assert.Equal(2, post.Shares);
    }

    [Fact]
    public async Task ReadAsync_BadViews_RejectsWithLineAndColumn()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "Table data.csv");

        Assert.Equal(new RejectedRow(5, 5, "Views: expected a number, found 'abc'"), Assert.Single(parsed.Rejected));
    }

    /// <summary>
    /// Studio tables in the UI's language, as the real ones are written: German headers and totals row hyphenated with
    /// soft hyphens and a "top 500" note row, Portuguese with its own note, Japanese and French with thousands
    /// separators, Spanish and Italian totals. The totals and note rows are skipped; every other row is a video.
    /// </summary>
    [Theory]
    [InlineData("Tabellendaten.csv", 3, 1750, 26000, "aB3dE5fG7hI")]
    [InlineData("Inhalt 2026-09-01_2026-10-31 Lumen Kaffee.zip", 2, 900, 9000, "aB3dE5fG7hI")]
    [InlineData("Dados da tabela.csv", 2, 4200, 52000, "cD4eF5gH6iJ")]
    [InlineData("表データ.csv", 2, 1500, 20000, "jA1bC2dE3fG")]
    [InlineData("Données du tableau.csv", 2, 44531, 610000, "pQ1rS2tU3vW")]
    [InlineData("Datos de la tabla.csv", 1, 700, 9000, "fG7hI8jK9lM")]
    [InlineData("Dati della tabella.csv", 1, 250, 3000, "nO1pQ2rS3tU")]
    [InlineData("Table data lifetime.csv", 23, 310630, 3697776, "B9rW9nsP6LP")]
    public async Task ReadAsync_LocalizedTable_SkipsTotalsAndNotesAndSumsToTheTotalsRow(string file, int videos, long views, long impressions, string firstId)
    {
        var parsed = await ExportParse.ParseAsync("youtube", file);

        Assert.Equal("youtube-content", parsed.Format);
        Assert.Equal(videos, parsed.Posts.Count);
        Assert.Empty(parsed.Rejected);
        Assert.Equal(views, parsed.Posts.Sum(p => p.VideoViews));
        Assert.Equal(impressions, parsed.Posts.Sum(p => p.Impressions));
        Assert.Equal(firstId, parsed.Posts[0].PostId);
    }

    /// <summary>
    /// A lifetime table shaped like real Studio exports (the parse benchmark's YouTube input): titles of 28–66
    /// characters, quoted when they hold a comma or quotes, ids with '-' and '_', watch hours to four decimals.
    /// </summary>
    [Fact]
    public async Task ReadAsync_LifetimeTable_ReadsQuotedTitlesIdsAndDecimalsAsWritten()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "Table data lifetime.csv");

        Assert.Empty(parsed.Rejected);
        Assert.Empty(parsed.Warnings);
        Assert.Equal(5, parsed.Posts.Count(p => p.ContentType == ContentTypes.Short));
        Assert.Equal("The \"perfect\" flat white? We tested 5 milks", parsed.Post("9_rRXeMLkI_").Text);
        Assert.Equal("Latte art for beginners: the heart, the tulip & the rosetta", parsed.Post("-qg9wj05x72").Text);
        Assert.Equal(3581.9865 * 3600, parsed.Post("B9rW9nsP6LP").WatchTimeSeconds!.Value, 6);
        Assert.Equal(new DateOnly(2019, 2, 1), parsed.Post("Ia5NyqNlQfw").RangeFrom);
    }

    [Fact]
    public async Task ReadAsync_German_TrimsLeadingSpaceIdAndKeepsVideoWithoutPublishDate()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "Tabellendaten.csv");

        Assert.Equal(["aB3dE5fG7hI", "-kL9mN8oP7q", "rS6tU5vW4xY"], parsed.Posts.Select(p => p.PostId));
        Assert.Equal(new DateOnly(2026, 10, 2), parsed.Posts[1].RangeFrom);

        // No publish date and no range in the name: the video's range is the upload day only.
        Assert.Equal((new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 5)), (parsed.Posts[2].RangeFrom!.Value, parsed.Posts[2].RangeTo!.Value));

        // … and the answer says so, once, naming the column and the day assumed (a silent guess would pass without it).
        var warning = Assert.Single(parsed.Warnings, w => w.Contains("Veröffentlichungszeitpunkt des Videos", StringComparison.Ordinal));
        Assert.Contains("2026-11-05", warning, StringComparison.Ordinal);
        Assert.Equal(20.25 * 3600, parsed.Posts[0].WatchTimeSeconds);
    }

    [Theory]
    [InlineData("Données du tableau.csv", 1, "2026-09-28", 12.25)]
    [InlineData("表データ.csv", 1, "2026-09-08", 30.5)]
    public async Task ReadAsync_LocalizedPublishDatesAndDecimalCommas_ReadAsWritten(string file, int index, string published, double watchHours)
    {
        var parsed = await ExportParse.ParseAsync("youtube", file);

        Assert.Equal(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), parsed.Posts[index].RangeFrom);
        Assert.Equal(watchHours * 3600, parsed.Posts[index].WatchTimeSeconds!.Value, 6);
    }

    /// <summary>Shorts are up to a minute long: 1 and 60 seconds are Shorts, 0 and 61 are videos.</summary>
    [Theory]
    [InlineData("0", ContentTypes.Video)]
    [InlineData("1", ContentTypes.Short)]
    [InlineData("60", ContentTypes.Short)]
    [InlineData("61", ContentTypes.Video)]
    public async Task ReadAsync_Duration_ShortUpToAMinute(string seconds, string expected)
    {
        var parsed = await ReadTextAsync("Table data.csv", "Content,Video title,Duration,Views", $"abc123,My title,{seconds},1000");

        Assert.Equal(expected, Assert.Single(parsed.Posts).ContentType);
    }

    /// <summary>A publish time that is no date is refused with its line, column and text (never stored undated).</summary>
    [Fact]
    public async Task ReadAsync_PublishTimeNotADate_RejectsWithLineAndColumn()
    {
        var parsed = await ReadTextAsync("Table data.csv", "Content,Video title,Video publish time,Views", "abc123,My title,soon,1000");

        Assert.Empty(parsed.Posts);
        Assert.Equal(new RejectedRow(2, 3, "Video publish time: expected a date such as 'Sep 29, 2026', found 'soon'"), Assert.Single(parsed.Rejected));
    }

    /// <summary>
    /// A video without a publish time: dated to the start of the range the file name states, else its lifetime runs to
    /// the export day (?exportedOn= when given, else the upload day); the warning says which.
    /// </summary>
    [Theory]
    [InlineData("Content 2026-09-01_2026-10-31 Lumen Coffee.csv", null, "2026-09-01", "2026-10-31", "are dated to the start of the export's range, 2026-09-01.")]
    [InlineData("Table data.csv", null, "2026-11-05", "2026-11-05", "they are stored as of the export day, 2026-11-05,")]
    [InlineData("Table data.csv", "2026-10-20", "2026-10-20", "2026-10-20", "they are stored as of the export day, 2026-10-20,")]
    public async Task ReadAsync_NoPublishTime_RangeFromTheNameElseTheExportDayAndSaysSo(string fileName, string? exportedOn, string from, string to, string warning)
    {
        var hints = new UploadHints(exportedOn is null ? null : DateOnly.Parse(exportedOn, System.Globalization.CultureInfo.InvariantCulture));
        var text = "Content,Video title,Video publish time,Views\nabc123,My title,,1000\n";

        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text, fileName), ExportParse.Context, hints);

        var post = Assert.Single(parsed.Posts);
        Assert.Equal("abc123", post.PostId);
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (post.RangeFrom!.Value, post.RangeTo!.Value));
        Assert.Contains(warning, Assert.Single(parsed.Warnings), StringComparison.Ordinal);
    }

    private static Task<ReadResult> ReadTextAsync(string fileName, params string[] lines) =>
        ExportFixtures.ReadAsync(ExportFixtures.Text(string.Join("\n", lines) + "\n", fileName), ExportParse.Context);
}
