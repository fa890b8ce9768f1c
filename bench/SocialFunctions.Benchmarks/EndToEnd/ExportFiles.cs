using System.Globalization;
using System.Text;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Benchmarks.EndToEnd;

/// <summary>
/// Invented exports with the quirks real ones have (quoted captions with commas, doubled quotes, line breaks and emoji,
/// empty metric cells, heavy-tailed reach, irregular posting times), plus the canonical records the app should store
/// for them, which the raw-ceiling run writes straight to storage.
/// </summary>
public static class ExportFiles
{
    private static readonly DateTimeOffset Start = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Openers = ["Tip Tuesday:", "Behind the Scenes:", "New in store", "Q&A", "Weekend read", "Team update"];

    /// <summary>A canonical CSV of one channel over 12 months (the issue's shape: one big file, one channel).</summary>
    public static List<CanonicalPost> WriteCanonical(string path, string brand, int rows, int seed)
    {
        var random = new Random(seed);
        var posts = new List<CanonicalPost>(rows);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("channel,postId,publishedAt,text,permalink,contentType,impressions,reach,reactions,comments,shares,saves,clicks\n");
        var step = TimeSpan.FromDays(365).Ticks / rows;
        var line = new StringBuilder(512);
        for (var i = 0; i < rows; i++)
        {
            var id = "t3_" + (1_000_000 + i).ToString("x", CultureInfo.InvariantCulture);
            var published = new DateTimeOffset((Start.Ticks + (i * step) + random.NextInt64(step)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            var text = Caption(random, i, 40 + random.Next(260));
            var impressions = HeavyTail(random, 2_000);
            long? saves = random.Next(10) == 0 ? null : impressions / 200;
            var post = new CanonicalPost
            {
                Brand = brand,
                Channel = Channels.Reddit,
                PostId = id,
                PublishedAt = published,
                Text = text,
                Permalink = $"https://www.reddit.com/r/{brand}/comments/{id}/",
                ContentType = ContentTypes.Text,
                Impressions = impressions,
                Reach = impressions * 7 / 10,
                Reactions = impressions / 40,
                Comments = impressions / 300,
                Shares = impressions / 900,
                Saves = saves,
                Clicks = impressions / 60,
                Kind = ExportKind.Posts,
            };
            posts.Add(post);
            line.Clear().Append(CultureInfo.InvariantCulture,
                $"reddit,{id},{published:yyyy-MM-ddTHH:mm:ssZ},{Quote(text)},{post.Permalink},text,{impressions},{post.Reach},{post.Reactions},{post.Comments},{post.Shares},{saves},{post.Clicks}\n");
            writer.Write(line);
        }

        return posts;
    }

    /// <summary>
    /// A Meta Business Suite post export (the columns of tests/TestData/facebook/posts.csv) over 12 months, and its
    /// records. <paramref name="captionLength"/> sets the row size (long captions make the 200 MB file).
    /// </summary>
    public static List<CanonicalPost> WriteFacebook(string path, string brand, int rows, int captionLength, int seed)
    {
        var random = new Random(seed);
        var posts = new List<CanonicalPost>(rows);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Duration (sec)\",\"Publish time\",\"Caption type\",Permalink,\"Is crosspost\",\"Is share\",\"Post type\",Languages,\"Custom labels\",\"Funded content status\",\"Data comment\",Date,Views,Reach,\"Reactions, comments and shares\",Reactions,Comments,Shares,\"Total clicks\",\"Other clicks\",\"Seconds viewed\",\"Average Seconds viewed\",Views\n");
        var step = TimeSpan.FromDays(365).Ticks / rows;
        var line = new StringBuilder(captionLength + 512);
        for (var i = 0; i < rows; i++)
        {
            var id = (122_100_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            var published = new DateTimeOffset((Start.Ticks + (i * step) + random.NextInt64(step)) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
            var caption = Caption(random, i, captionLength / 2 + random.Next(captionLength));
            var views = HeavyTail(random, 3_000);
            var reach = views * 3 / 4;
            var reactions = views / 25;
            var comments = views / 200;
            var shares = views / 300;
            var clicks = random.Next(8) == 0 ? (long?)null : views / 50;
            var reel = random.Next(4) == 0;
            posts.Add(new CanonicalPost
            {
                Brand = brand,
                Channel = Channels.Facebook,
                PostId = id,
                PublishedAt = published,
                Text = caption,
                ContentType = reel ? ContentTypes.Video : ContentTypes.Image,
                Impressions = views,
                Reach = reach,
                Reactions = reactions,
                Comments = comments,
                Shares = shares,
                Clicks = clicks,
                Kind = ExportKind.Posts,
            });
            var duration = reel ? (15 + random.Next(60)).ToString(CultureInfo.InvariantCulture) : string.Empty;
            var seconds = reel ? (views * 7.5).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty;
            line.Clear().Append(CultureInfo.InvariantCulture,
                $"{id},100000000000001,Lumen Coffee Roasters,,{Quote(caption)},{duration},{published:MM/dd/yyyy HH:mm},,https://www.facebook.com/lumencoffee/posts/{id},No,No,{(reel ? "Reels" : "Photos")},,,,,Lifetime,{views},{reach},{reactions + comments + shares},{reactions},{comments},{shares},{clicks},,{seconds},,{views}\n");
            writer.Write(line);
        }

        return posts;
    }

    /// <summary>Log-normal-ish: most posts near the median, a few far above (as reach is on every platform).</summary>
    private static long HeavyTail(Random random, double median)
    {
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(1, (long)(median * Math.Exp(0.9 * gaussian)));
    }

    private static string Caption(Random random, int i, int length)
    {
        var text = new StringBuilder(length + 64);
        text.Append(Openers[i % Openers.Length]).Append(" post ").Append(i.ToString(CultureInfo.InvariantCulture));
        text.Append(random.Next(5) switch
        {
            0 => ", with a comma",
            1 => " \"quoted\" ☕",
            2 => "\nsecond line 🔥",
            3 => " #TipTuesday",
            _ => " — Élodie's pick",
        });
        while (text.Length < length)
        {
            text.Append(" lorem ipsum dolor sit amet, roast");
        }

        return text.ToString(0, Math.Max(length, 1));
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
