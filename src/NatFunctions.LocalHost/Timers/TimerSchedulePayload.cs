namespace NatFunctions.LocalHost.Timers;

/// <summary>TimerInfo.Schedule as the host writes it.</summary>
internal sealed record TimerSchedulePayload(bool AdjustForDST);
