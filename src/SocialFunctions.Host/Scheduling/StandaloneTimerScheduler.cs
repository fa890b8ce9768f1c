using Cronos;
using Microsoft.Extensions.Options;

namespace SocialFunctions.Host.Scheduling;

/// <summary>
/// Fires the timer functions on the NCRONTAB schedules of their function.json when no Functions host is present.
/// <c>%NAME%</c> schedules resolve from configuration, as the host resolves them from app settings. Times are UTC.
/// </summary>
public sealed partial class StandaloneTimerScheduler(
    IOptions<SchedulingOptions> options,
    IConfiguration configuration,
    SelfInvoker invoker,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<StandaloneTimerScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = FunctionManifest.FindAppRoot(options.Value.AppRoot);
        if (!options.Value.TimersEnabled || root is null)
        {
            return;
        }

        await WaitForStartAsync(stoppingToken);
        var timers = FunctionManifest.ReadAll(root).Where(f => f.TriggerType == "timerTrigger").ToList();
        await Task.WhenAll(timers.Select(t => RunTimerAsync(t, stoppingToken)));
    }

    /// <summary>Resolves <c>%NAME%</c> from configuration (defaults for our two settings) and parses 5- or 6-field NCRONTAB.</summary>
    public static CronExpression ParseSchedule(string schedule, IConfiguration configuration)
    {
        var resolved = schedule;
        if (schedule.StartsWith('%') && schedule.EndsWith('%'))
        {
            var name = schedule.Trim('%');
            resolved = configuration[name] ?? name switch
            {
                "REPORT_SCHEDULE" => SchedulingDefaults.ReportSchedule,
                "SERIES_CHECK_SCHEDULE" => SchedulingDefaults.SeriesCheckSchedule,
                _ => throw new InvalidOperationException($"Timer schedule {schedule} refers to the setting {name}, which is not configured."),
            };
        }

        var fields = resolved.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(resolved, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    private async Task RunTimerAsync(FunctionManifest timer, CancellationToken stoppingToken)
    {
        var expression = ParseSchedule(timer.Schedule ?? throw new InvalidOperationException($"{timer.Name} has no schedule."), configuration);
        LogTimerScheduled(logger, timer.Name, expression);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var next = expression.GetNextOccurrence(now.UtcDateTime, inclusive: false);
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - now.UtcDateTime, timeProvider, stoppingToken);
            var payload = new
            {
                Data = new Dictionary<string, object>
                {
                    [timer.BindingName] = new { Schedule = new { AdjustForDST = true }, ScheduleStatus = (object?)null, IsPastDue = false },
                },
                Metadata = new { sys = new { MethodName = timer.Name, UtcNow = timeProvider.GetUtcNow(), RandGuid = Guid.NewGuid() } },
            };
            try
            {
                using var response = await invoker.InvokeAsync(timer.Name, payload, stoppingToken);
                LogTimerFired(logger, timer.Name, (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                LogTimerFailed(logger, timer.Name, ex);
            }
        }
    }

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Standalone timer {Function} scheduled: {Schedule} (UTC)")]
    private static partial void LogTimerScheduled(ILogger logger, string function, CronExpression schedule);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Standalone timer {Function} fired: HTTP {Status}")]
    private static partial void LogTimerFired(ILogger logger, string function, int status);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Standalone timer {Function} could not be invoked")]
    private static partial void LogTimerFailed(ILogger logger, string function, Exception exception);
}
