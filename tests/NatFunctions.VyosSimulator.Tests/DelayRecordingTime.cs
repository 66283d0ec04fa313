namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// The system clock, except that every timer (a <c>Task.Delay</c> on this provider) fires at once and its due time
/// is recorded: what a session chose to wait, without waiting it.
/// </summary>
internal sealed class DelayRecordingTime : TimeProvider
{
    private readonly List<TimeSpan> delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (delays) return [.. delays];
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (delays) delays.Add(dueTime);
        // Fired from the pool, after the caller holds the timer, as a real timer would be.
        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
