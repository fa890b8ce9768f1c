using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Teams;

/// <summary>
/// A Workflows webhook URL's <c>sig=</c> is a credential (SECURITY.md, "Secrets"): with the app's own registration and
/// every logger at Trace, a post that is retried and then delivered leaves no log line holding it.
/// </summary>
public sealed class TeamsWebhookLogTests
{
    [Fact]
    public async Task PostAsync_RetriedThenDelivered_NoLogLineHoldsTheSignature()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RecordingHttpServer.StartAsync(ct);
        server.Enqueue(_ => ScriptedResponse.TooManyRequests(1));
        server.Enqueue(_ => ScriptedResponse.Empty(HttpStatusCode.Accepted));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var sink = new LogSink();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));
        services.AddSingleton<TimeProvider>(time);
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTeams(configuration);
        await using var provider = services.BuildServiceProvider();
        var webhook = provider.GetRequiredService<ITeamsWebhook>();
        var signature = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

        var delivery = await FakeClock.RunAsync(
            time,
            () => webhook.PostAsync(new Uri(server.BaseAddress, $"workflows/abc/triggers/manual/paths/invoke?api-version=1&sig={signature}"), """{"type":"message"}"""u8.ToArray(), ct),
            TimeSpan.FromMilliseconds(100),
            TimeSpan.FromMinutes(1));

        Assert.True(delivery.Delivered, delivery.Detail);
        Assert.Equal(2, server.Requests.Count);
        // The HTTP client's own request lines were captured (so a URL logged whole would be seen here)...
        Assert.Contains(sink.Lines, line => line.Contains("workflows/abc", StringComparison.Ordinal));
        // ...and none of them, nor ours, carries the signature.
        Assert.DoesNotContain(sink.Lines, line => line.Contains(signature, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
