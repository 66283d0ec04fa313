namespace NatFunctions.LocalHost.Functions;

/// <param name="Schedule">As written in the binding; may hold %Setting% placeholders.</param>
internal sealed record TimerTrigger(string BindingName, string Schedule, bool RunOnStartup);
