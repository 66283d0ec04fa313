namespace NatFunctions.VyosSimulator.State;

/// <summary>One terminal of the router: its tty name, user, whether it is in configuration mode, and its process.</summary>
internal sealed record SessionRegistration(string Tty, string User, bool InConfigMode, int ProcessId);
