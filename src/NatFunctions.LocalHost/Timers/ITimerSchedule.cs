namespace NatFunctions.LocalHost.Timers;

internal interface ITimerSchedule
{
    DateTimeOffset GetNextOccurrence(DateTimeOffset after);
}
