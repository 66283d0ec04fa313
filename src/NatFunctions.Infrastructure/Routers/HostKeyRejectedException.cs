namespace NatFunctions.Infrastructure.Routers;

/// <summary>The router presented a host key other than the pinned one; the connection was refused before authentication.</summary>
internal sealed class HostKeyRejectedException(string presentedFingerprint)
    : RouterChannelException($"host key SHA256:{presentedFingerprint} does not match the pinned HostKeySha256; connection refused")
{
    public string PresentedFingerprint { get; } = presentedFingerprint;
}
