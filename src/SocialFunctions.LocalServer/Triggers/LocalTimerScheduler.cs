using Cronos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;

namespace SocialFunctions.LocalServer.Triggers;

/// <summary>
/// Fires the timer functions on their NCRONTAB schedules (UTC). <c>%NAME%</c> schedules resolve from configuration,
/// as the host resolves them from app settings; an unresolved name stops the server at start with its name.
/// </summary>
internal sealed partial class LocalTimerScheduler(
    IEnumerable<FunctionDeclaration> functions,
    FunctionInvoker invoker,
    IOptions<LocalServerOptions> options,
    IConfiguration configuration,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<LocalTimerScheduler> logger) : BackgroundService
{
    /// <summary>Every timer function with its resolved schedule; resolving throws for a missing setting.</summary>
    public IReadOnlyList<(FunctionDeclaration Function, CronExpression Schedule)> Timers { get; } =
        functions.Where(f => f.Kind == TriggerKind.TimerTrigger).Select(f => (f, ParseSchedule(f.Schedule!, configuration))).ToList();

    /// <summary>Resolves <c>%NAME%</c> from configuration and parses 5- or 6-field NCRONTAB.</summary>
    public static CronExpression ParseSchedule(string schedule, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(configuration);
        var resolved = schedule;
        if (schedule.Length > 2 && schedule.StartsWith('%') && schedule.EndsWith('%'))
        {
            var name = schedule[1..^1];
            resolved = configuration[name] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"Timer schedule {schedule} refers to the app setting {name}, which is not configured (set it in the environment or appsettings.json).");
        }

        var fields = resolved.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(resolved, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TimersEnabled)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await Task.WhenAll(Timers.Select(t => RunAsync(t.Function, t.Schedule, stoppingToken)));
    }

    private async Task RunAsync(FunctionDeclaration timer, CronExpression schedule, CancellationToken stoppingToken)
    {
        LogScheduled(logger, timer.Name, schedule);
        var last = default(DateTime);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            if (schedule.GetNextOccurrence(now, inclusive: false) is not { } next)
            {
                return;
            }

            await Task.Delay(next - now, timeProvider, stoppingToken);
            var status = new ScheduleStatus { Last = last, Next = schedule.GetNextOccurrence(next, inclusive: false) ?? next, LastUpdated = next };
            try
            {
                await invoker.InvokeAsync(timer, new InvocationInput(Timer: new TimerInfo { ScheduleStatus = status }), stoppingToken);
                LogFired(logger, timer.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As under the host, a failed run is logged and the next occurrence still fires.
                LogFailed(logger, timer.Name, ex);
            }

            last = next;
        }
    }

    [LoggerMessage(5001, LogLevel.Information, "Timer {Function} scheduled: {Schedule} (UTC)")]
    private static partial void LogScheduled(ILogger logger, string function, CronExpression schedule);

    [LoggerMessage(5002, LogLevel.Information, "Timer {Function} ran")]
    private static partial void LogFired(ILogger logger, string function);

    [LoggerMessage(5003, LogLevel.Error, "Timer {Function} failed")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}
