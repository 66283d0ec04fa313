using NCrontab;

namespace NatFunctions.LocalHost.Timers;

/// <summary>A six-field NCRONTAB schedule (seconds first), evaluated in the app's time zone.</summary>
internal sealed class CronTimerSchedule(CrontabSchedule schedule, TimeZoneInfo timeZone) : ITimerSchedule
{
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, timeZone).DateTime;
        var next = schedule.GetNextOccurrence(local);
        return new DateTimeOffset(next, timeZone.GetUtcOffset(next));
    }
}
