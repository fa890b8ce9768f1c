using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Infrastructure.Tests.Mail;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Teams;

/// <summary>
/// Core's alert router over the real transports — the Teams client and the Graph mail sender, each against a recording
/// server standing in for the service, and the JSON outbox — and the real wording.
/// </summary>
public sealed class SeriesAlertRouterTests : IAsyncLifetime
{
    private static readonly BrandName Acme = BrandName.Parse("acme");
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "sf-alerts-" + Guid.NewGuid().ToString("N"));
    private RecordingHttpServer _graph = null!;

    public async ValueTask InitializeAsync() => _graph = await RecordingHttpServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _graph.DisposeAsync();
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private List<RecordedRequest> MailsSent => [.. _graph.Requests.Where(GraphTestServer.IsSendMail)];

    [Fact]
    public async Task NotifyAsync_NoWebhookNoRecipients_WritesCardJsonToOutbox()
    {
        var ct = TestContext.Current.CancellationToken;

        var delivery = await Router().NotifyAsync(Alert(), BrandSettings.CreateDefault(Acme), ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("outbox", delivery.Channel);
        var file = Assert.Single(Directory.GetFiles(_outbox, "*.json"));
        Assert.Equal(file, delivery.Where);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file, ct));
        Assert.Equal("AdaptiveCard", json.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("type").GetString());
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task NotifyAsync_TeamRecipientsOnly_SendsTaggedMailInTheBrandsLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        var brand = BrandSettings.CreateDefault(Acme) with { TeamRecipients = ["social@acme.example"], Sender = "reports@acme.example", Locale = ReportLocale.French };

        var delivery = await Router().NotifyAsync(Alert() with { Locale = brand.Locale }, brand, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("mail", delivery.Channel);
        var request = Assert.Single(MailsSent);
        Assert.Equal("/v1.0/users/reports@acme.example/sendMail", request.PathAndQuery);
        using var body = JsonDocument.Parse(request.Body);
        var message = body.RootElement.GetProperty("Message");
        Assert.Equal(["social@acme.example"], message.GetProperty("toRecipients").EnumerateArray().Select(r => r.GetProperty("emailAddress").GetProperty("address").GetString()));
        Assert.Equal("series-1", message.GetProperty("internetMessageHeaders")[0].GetProperty("value").GetString());
        Assert.Equal("Sous-performe : Tips sur Instagram", message.GetProperty("subject").GetString());
        Assert.Contains("−60 % sur 4 publications depuis le 5 mai ; 4 sur 4 sous la médiane du réseau pour les images", System.Net.WebUtility.HtmlDecode(message.GetProperty("body").GetProperty("content").GetString()), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_outbox));
    }

    [Fact]
    public async Task NotifyAsync_Webhook_PostsCardThere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        var brand = BrandSettings.CreateDefault(Acme) with { TeamsWebhookUrl = new Uri(server.BaseAddress, "hook?sig=s").AbsoluteUri, TeamRecipients = ["social@acme.example"] };

        var delivery = await Router().NotifyAsync(Alert(), brand, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("teams", delivery.Channel);
        var request = Assert.Single(server.Requests);
        Assert.Contains("\"type\":\"AdaptiveCard\"", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("Underperforming: Tips on Instagram", request.BodyText, StringComparison.Ordinal);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task NotifyAsync_NoSenderSet_MailsFromTheFirstTeamRecipient()
    {
        // Catches: the sender fallback dropped or pointed at another address (Graph sends as the mailbox in the path).
        var ct = TestContext.Current.CancellationToken;
        var brand = BrandSettings.CreateDefault(Acme) with { TeamRecipients = ["social@acme.example", "lead@acme.example"], Sender = null };

        var delivery = await Router().NotifyAsync(Alert(), brand, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("/v1.0/users/social@acme.example/sendMail", Assert.Single(MailsSent).PathAndQuery);
    }

    [Fact]
    public async Task NotifyAsync_RetryOfAnUnconfirmedAlert_FoundInSentItems_NotMailedAgain()
    {
        // Catches: MayHaveBeenSent not handed to the mail sender, so a retried alert is mailed twice.
        var ct = TestContext.Current.CancellationToken;
        _graph.DefaultResponse = r => GraphTestServer.IsSentItemsQuery(r) ? GraphTestServer.SentItems("AAMk-earlier") : GraphTestServer.Accepted;
        var brand = BrandSettings.CreateDefault(Acme) with { TeamRecipients = ["social@acme.example"] };

        var delivery = await Router().NotifyAsync(Alert() with { MayHaveBeenSent = true }, brand, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("mail", delivery.Channel);
        Assert.Contains(_graph.Requests, GraphTestServer.IsSentItemsQuery);
        Assert.Empty(MailsSent);
    }

    [Fact]
    public async Task NotifyAsync_WebhookNotAnAbsoluteUrl_FallsBackToMail()
    {
        var ct = TestContext.Current.CancellationToken;
        var brand = BrandSettings.CreateDefault(Acme) with { TeamsWebhookUrl = "hooks/teams", TeamRecipients = ["social@acme.example"] };

        var delivery = await Router().NotifyAsync(Alert(), brand, ct);

        Assert.Equal(("mail", true), (delivery.Channel, delivery.Delivered));
        Assert.Single(MailsSent);
    }

    [Fact]
    public async Task NotifyAsync_WebhookRefusesTheCard_NotDeliveredWithTheReason()
    {
        // Catches: a refused card reported as delivered (the episode would be confirmed and never retried).
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.DefaultResponse = _ => ScriptedResponse.Json(System.Net.HttpStatusCode.BadRequest, """{"error":"bad card"}""");
        var brand = BrandSettings.CreateDefault(Acme) with { TeamsWebhookUrl = new Uri(server.BaseAddress, "hook?sig=s").AbsoluteUri };

        var delivery = await Router().NotifyAsync(Alert(), brand, ct);

        Assert.False(delivery.Delivered);
        Assert.Equal("teams", delivery.Channel);
        Assert.Contains("400", delivery.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_outbox));
    }

    private SeriesAlertRouter Router() => new(
        TestTeams.Client(new FakeTimeProvider()),
        GraphTestServer.Sender(_graph),
        new AlertOutboxWriter(Options.Create(new AlertOutboxOptions { Path = _outbox }), new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero))),
        new SeriesAlertMessages(),
        NullLogger<SeriesAlertRouter>.Instance);

    private static SeriesAlert Alert() => new()
    {
        Kind = AlertKind.Started,
        Brand = Acme,
        BrandDisplayName = "Acme",
        ReportMonth = new ReportMonth(2026, 5),
        PublicBaseUrl = "https://sf.example.com",
        Id = "series-1",
        Health = new SeriesHealth
        {
            Brand = "acme",
            Channel = "instagram",
            Series = "Tips",
            Status = SeriesStatus.Underperforming,
            RecentEngagementRate = 0.012,
            BaselineEngagementRate = 0.03,
            RelativeGap = -0.6,
            Posts = 4,
            OnsetAt = new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero),
            PostsBelowMedian = 4,
            BaselineBasis = SeriesBaselineBasis.ContentType,
            BaselineContentType = "image",
            Confidence = 0.999,
        },
    };
}
