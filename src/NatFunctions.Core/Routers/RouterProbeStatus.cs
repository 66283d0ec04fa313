namespace NatFunctions.Core.Routers;

public enum RouterProbeStatus
{
    Ok,
    Unreachable,
    UntrustedHostKey,
    RouterMisconfigured,
    Error,
}
