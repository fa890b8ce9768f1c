using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Functions.Reporting;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Reporting;

public sealed class ReportDeliveryFunctionsTests(AzuriteFixture azurite)
{
    private const string Brand = "acme";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>"Now" for the app: 5 November 2026, 09:00 UTC (10:00 in Paris), after the brand's 07:00 report time on the 1st.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The last month that is over on that day.</summary>
    private const string LastMonth = "2026-10";

    private static Task<FunctionsServer> StartAsync(AzuriteFixture azurite) => FunctionsServer.StartAsync(azurite, new FakeTimeProvider(Now), cancellationToken: Ct);

    private static async Task<FunctionsServer> StartWithBrandAsync(AzuriteFixture azurite)
    {
        var server = await StartAsync(azurite);
        await server.Services.GetRequiredService<IBrandSettingsStore>().SaveAsync(
            new BrandSettings
            {
                Brand = BrandName.Parse(Brand),
                DisplayName = "Acme",
                Clock = BrandClock.Find("Europe/Paris"),
                Sender = "reports@acme.example",
                Recipients = ["cmo@acme.example"],
            },
            Ct);
        return server;
    }

    private static string[] OutboxFiles(FunctionsServer server) =>
        Directory.Exists(server.OutboxPath) ? [.. Directory.GetFiles(server.OutboxPath, "*.eml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    [Fact]
    public async Task Send_ThenAgain_OneMailUntilForced()
    {
        await using var server = await StartWithBrandAsync(azurite);
        var month = LastMonth;

        using var first = await server.Client.PostAsync($"api/brands/{Brand}/reports/{month}/send", null, Ct);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var again = await server.Client.PostAsync($"api/brands/{Brand}/reports/{month}/send", null, Ct);
        var againBody = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Sent", firstBody.GetProperty("outcome").GetString());
        var run = firstBody.GetProperty("run");
        Assert.Equal("sent", run.GetProperty("status").GetString());
        Assert.Equal(month, run.GetProperty("month").GetString());
        Assert.Equal($"{Brand}/{month}/0", run.GetProperty("mailTag").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("AlreadyDelivered", againBody.GetProperty("outcome").GetString());
        Assert.Equal([$"{Brand}_{month}_0.eml"], OutboxFiles(server));

        using var eml = File.OpenRead(Path.Combine(server.OutboxPath, $"{Brand}_{month}_0.eml"));
        using var message = await MimeMessage.LoadAsync(eml, Ct);
        Assert.Equal($"{Brand}/{month}/0", message.Headers["x-socialfunctions-run"]);
        Assert.Equal("cmo@acme.example", message.To.Mailboxes.Single().Address);
        var pdf = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal($"{Brand}-{month}.pdf", pdf.FileName);

        using var forced = await server.Client.PostAsync($"api/brands/{Brand}/reports/{month}/send?force=true", null, Ct);

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal([$"{Brand}_{month}_0.eml", $"{Brand}_{month}_1.eml"], OutboxFiles(server));
    }

    [Theory]
    [InlineData("Acme!", "2026-10", "", HttpStatusCode.BadRequest, "Invalid brand name.")]
    [InlineData(Brand, "2026-13", "", HttpStatusCode.BadRequest, "Invalid month.")]
    [InlineData(Brand, "2026-11", "", HttpStatusCode.UnprocessableEntity, "The month is not over yet.")]
    [InlineData(Brand, "2026-10", "?force=maybe", HttpStatusCode.BadRequest, "Invalid force.")]
    public async Task Send_BadInput_ProblemSayingWhat(string brand, string month, string query, HttpStatusCode status, string title)
    {
        await using var server = await StartAsync(azurite);

        using var response = await server.Client.PostAsync($"api/brands/{Uri.EscapeDataString(brand)}/reports/{month}/send{query}", null, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Empty(OutboxFiles(server));
    }

    [Fact]
    public async Task GetPdf_RendersArchivesThen304OnMatchingETag()
    {
        await using var server = await StartWithBrandAsync(azurite);
        var month = LastMonth;

        using var first = await server.Client.GetAsync($"api/brands/{Brand}/reports/{month}.pdf", Ct);
        var bytes = await first.Content.ReadAsByteArrayAsync(Ct);
        var etag = first.Headers.ETag;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"api/brands/{Brand}/reports/{month}.pdf");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.Client.SendAsync(conditional, Ct);
        using var again = await server.Client.GetAsync($"api/brands/{Brand}/reports/{month}.pdf", Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task PlanMonthlyReports_BrandWithDuePeriod_EnqueuesOneRequest()
    {
        await using var server = await StartWithBrandAsync(azurite);

        await server.RunAsync<MonthlyReportFunctions>(f => f.PlanAsync(new TimerInfo { IsPastDue = false }, Ct));
        var queue = await server.Services.GetRequiredService<StorageClients>().QueueAsync("report-requests", Ct);
        var messages = await queue.PeekMessagesAsync(10, Ct);

        var message = Assert.Single(messages.Value);
        Assert.Equal("""{"brand":"acme"}""", message.MessageText);
    }

    [Fact]
    public async Task RenderBrandReport_SameQueueMessageTwice_SendsTheLatestDuePeriodOnce()
    {
        await using var server = await StartWithBrandAsync(azurite);

        await server.InvokeQueueAsync("RenderBrandReport", """{"brand":"acme"}""", Ct);
        await server.InvokeQueueAsync("RenderBrandReport", """{"Brand":"acme"}""", Ct);

        Assert.Single(OutboxFiles(server));
        var due = await server.Services.GetRequiredService<ReportDelivery>().DuePeriodsAsync(
            (await server.Services.GetRequiredService<IBrandSettingsStore>().GetAsync(BrandName.Parse("acme"), Ct))!, Ct);
        Assert.Empty(due);
    }

    [Theory]
    [InlineData("""{"brand":"NOT VALID"}""")]
    [InlineData("acme")]
    [InlineData("")]
    public async Task RenderBrandReport_PoisonMessage_FailsTheInvocationAndSendsNothing(string message)
    {
        await using var server = await StartWithBrandAsync(azurite);

        // Failing (rather than completing) lets the host retry and then park the message in report-requests-poison.
        await Assert.ThrowsAnyAsync<Exception>(() => server.InvokeQueueAsync("RenderBrandReport", message, Ct));

        Assert.Empty(OutboxFiles(server));
    }
}
