namespace NatFunctions.Core.Routers.Views;

/// <summary>How a live read of a router went, in the same words as the health endpoint.</summary>
public enum RouterReachability
{
    Ok,
    Unreachable,
    UntrustedHostKey,
    RouterMisconfigured,
    Error,
}
