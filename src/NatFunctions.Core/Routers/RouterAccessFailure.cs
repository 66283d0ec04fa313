namespace NatFunctions.Core.Routers;

public enum RouterAccessFailure
{
    /// <summary>Could not connect, authenticate, or the connection or a command timed out or broke.</summary>
    Unreachable,

    /// <summary>The host key did not match the pinned fingerprint.</summary>
    UntrustedHostKey,

    /// <summary>The router answered with something the driver does not understand.</summary>
    UnexpectedOutput,

    /// <summary>
    /// The router runs another VyOS line than its <c>VyosVersion</c> setting (read from <c>show version</c> at connect):
    /// nothing is read or sent until an operator fixes the setting.
    /// </summary>
    RouterMisconfigured,
}
