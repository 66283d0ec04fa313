namespace NatFunctions.LocalHost.Timers;

/// <summary>The JSON shape the worker's TimerInfo binds from (property names as the host writes them).</summary>
internal sealed record TimerInfoPayload(TimerSchedulePayload Schedule, TimerScheduleStatusPayload ScheduleStatus, bool IsPastDue);
