namespace NatFunctions.LocalHost.Timers;

/// <summary>TimerInfo.ScheduleStatus as the host writes it: the last and next occurrences.</summary>
internal sealed record TimerScheduleStatusPayload(DateTime Last, DateTime Next, DateTime LastUpdated);
