using System.Globalization;
using NCrontab;

namespace NatFunctions.LocalHost.Timers;

internal static class TimerScheduleParser
{
    /// <summary>Parses a resolved schedule as the Functions timer trigger does: six-field NCRONTAB, or a TimeSpan.</summary>
    public static ITimerSchedule Parse(string expression, TimeZoneInfo timeZone)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6)
        {
            var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                ?? throw new FormatException($"'{expression}' is not a valid NCRONTAB expression.");
            return new CronTimerSchedule(cron, timeZone);
        }

        if (fields.Length == 1 && TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new IntervalTimerSchedule(interval);
        }

        throw new FormatException($"'{expression}' is neither a six-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}) nor a TimeSpan (hh:mm:ss).");
    }
}
