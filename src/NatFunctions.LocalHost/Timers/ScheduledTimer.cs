using NatFunctions.LocalHost.Functions;

namespace NatFunctions.LocalHost.Timers;

/// <param name="Expression">The schedule with %Setting% placeholders resolved.</param>
internal sealed record ScheduledTimer(FunctionDefinition Function, TimerTrigger Trigger, string Expression, ITimerSchedule Schedule);
