namespace NatFunctions.LocalHost.Timers;

/// <summary>The TimeSpan form (<c>hh:mm:ss</c>): a fixed interval from the previous run.</summary>
internal sealed class IntervalTimerSchedule(TimeSpan interval) : ITimerSchedule
{
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after) => after + interval;
}
