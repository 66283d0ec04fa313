using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers;

/// <summary>
/// One read of a router for its preflight: what <c>show version</c> says and the active configuration as
/// <c>show configuration commands</c> prints it, taken in one session, whatever the router's version setting says.
/// </summary>
public sealed record RouterSnapshot(RunningVyosVersion Version, string ConfigurationCommands);
