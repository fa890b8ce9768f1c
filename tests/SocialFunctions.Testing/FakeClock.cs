using Microsoft.Extensions.Time.Testing;

namespace SocialFunctions.Testing;

/// <summary>
/// Runs an operation that waits on a <see cref="FakeTimeProvider"/> (a Polly retry delay, a Retry-After) by advancing the
/// fake clock in steps while it is pending, so tests assert on fake time and never sleep through real delays.
/// </summary>
public static class FakeClock
{
    /// <param name="time">The clock the operation waits on.</param>
    /// <param name="operation">The operation, started once.</param>
    /// <param name="step">How far the clock moves per step.</param>
    /// <param name="limit">Fake time after which the operation is declared stuck.</param>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> operation, TimeSpan step, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(operation);
        var task = operation();
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted)
        {
            // Let in-flight I/O and continuations run before the clock moves on. The clock may still move while a request
            // is in flight on a loaded machine, so assertions on the observed wait allow a few steps beyond it.
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(20)));
            if (task.IsCompleted)
            {
                break;
            }

            if (advanced >= limit)
            {
                throw new TimeoutException($"The operation still waits after {limit} of fake time.");
            }

            time.Advance(step);
            advanced += step;
        }

        return await task;
    }
}
