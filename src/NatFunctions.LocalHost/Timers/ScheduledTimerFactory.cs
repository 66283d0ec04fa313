using NatFunctions.LocalHost.Functions;
using NatFunctions.LocalHost.Settings;

namespace NatFunctions.LocalHost.Timers;

internal static class ScheduledTimerFactory
{
    private const string TimeZoneSetting = "WEBSITE_TIME_ZONE";

    /// <summary>Resolves each timer's schedule; a timer whose setting is missing or whose schedule is invalid is
    /// reported and left unscheduled, while the rest of the app still runs.</summary>
    public static IReadOnlyList<ScheduledTimer> Create(IEnumerable<FunctionDefinition> functions, AppSettings settings, ILogger logger)
    {
        var timeZone = ResolveTimeZone(settings, logger);
        var timers = new List<ScheduledTimer>();
        foreach (var function in functions.Where(function => function.Timer is not null))
        {
            var trigger = function.Timer!;
            try
            {
                var expression = settings.ResolvePlaceholders(trigger.Schedule);
                timers.Add(new ScheduledTimer(function, trigger, expression, TimerScheduleParser.Parse(expression, timeZone)));
            }
            catch (Exception exception) when (exception is MissingAppSettingException or FormatException)
            {
                logger.LogError("Timer function '{Function}' will not run: schedule '{Schedule}': {Error}", function.Name, trigger.Schedule, exception.Message);
            }
        }

        return timers;
    }

    // Azure evaluates NCRONTAB in UTC unless WEBSITE_TIME_ZONE says otherwise; doing the same keeps local runs honest.
    private static TimeZoneInfo ResolveTimeZone(AppSettings settings, ILogger logger)
    {
        var name = settings.Find(TimeZoneSetting);
        if (string.IsNullOrWhiteSpace(name))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (TimeZoneNotFoundException)
        {
            logger.LogError("{Setting} '{TimeZone}' is unknown; timers use UTC", TimeZoneSetting, name);
            return TimeZoneInfo.Utc;
        }
    }
}
