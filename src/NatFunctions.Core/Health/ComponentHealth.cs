namespace NatFunctions.Core.Health;

public enum ComponentHealth
{
    Ok,
    NotConfigured,
    Unreachable,
    UntrustedHostKey,
    RouterMisconfigured,
    Error,
}
