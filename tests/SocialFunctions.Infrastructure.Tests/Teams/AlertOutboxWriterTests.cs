using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Teams;

namespace SocialFunctions.Infrastructure.Tests.Teams;

/// <summary>The local stand-in for a Teams webhook: each card a JSON file, named so a reader can find it.</summary>
public sealed class AlertOutboxWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 5, 9, TimeSpan.Zero);
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "sf-cards-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_Alert_PayloadInAFileNamedByTimeBrandKindAndId()
    {
        var ct = TestContext.Current.CancellationToken;
        var payload = """{"type":"message"}"""u8.ToArray();

        var delivery = await Writer().WriteAsync(Alert(), payload, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("outbox", delivery.Channel);
        Assert.Equal(Path.Combine(_outbox, "teams-20260601T080509Z-acme-started-series-1.json"), delivery.Where);
        Assert.Equal(payload, await File.ReadAllBytesAsync(delivery.Where!, ct));
    }

    [Fact]
    public async Task WriteAsync_Name_UnsafeCharactersReplacedSoTheFileStaysInTheOutbox()
    {
        var ct = TestContext.Current.CancellationToken;
        var payload = """{"type":"digest"}"""u8.ToArray();

        var delivery = await Writer().WriteAsync("digest/../acme 2026_W44", payload, ct);

        Assert.True(delivery.Delivered);
        Assert.Equal("outbox", delivery.Channel);
        Assert.Equal(Path.Combine(_outbox, "teams-20260601T080509Z-digest----acme-2026_W44.json"), delivery.Where);
        Assert.Equal(payload, await File.ReadAllBytesAsync(delivery.Where!, ct));
        Assert.Single(Directory.GetFiles(_outbox));
    }

    [Fact]
    public async Task WriteAsync_BlankName_Refused()
    {
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentException>(() => Writer().WriteAsync(" ", new byte[] { 1 }, ct));
    }

    [Fact]
    public void AddTeams_Configuration_BindsTheTeamsAndOutboxSections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:MaxAttempts"] = "2",
            ["Teams:MaxQueuedPosts"] = "7",
            ["Outbox:Path"] = "elsewhere/outbox",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddLogging();

        services.AddTeams(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(2, provider.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxAttempts);
        Assert.Equal(7, provider.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxQueuedPosts);
        Assert.Equal("elsewhere/outbox", provider.GetRequiredService<IOptions<AlertOutboxOptions>>().Value.Path);
        Assert.IsType<AlertOutboxWriter>(provider.GetRequiredService<Core.Ports.IAlertOutbox>());
        Assert.IsType<TeamsWebhookClient>(provider.GetRequiredService<Core.Ports.ITeamsWebhook>());
    }

    [Fact]
    public void AddTeams_AttemptsOutOfRange_Refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:MaxAttempts"] = "0" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);

        services.AddTeams(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamsOptions>>().Value);
    }

    private AlertOutboxWriter Writer() => new(Options.Create(new AlertOutboxOptions { Path = _outbox }), new FakeTimeProvider(Now));

    private static SeriesAlert Alert() => new()
    {
        Kind = AlertKind.Started,
        Brand = BrandName.Parse("acme"),
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
