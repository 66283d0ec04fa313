namespace NatFunctions.Core.Domain;

/// <summary>tcp and udp share one external port space; <see cref="TcpUdp"/> takes both.</summary>
public enum ForwardProtocol
{
    Tcp,
    Udp,
    TcpUdp,
}
