using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

public static class ProtocolNames
{
    public const string Rule = "must be one of: tcp, udp, tcp_udp";

    public static bool TryParse(string? text, out ForwardProtocol protocol)
    {
        (var known, protocol) = text switch
        {
            "tcp" => (true, ForwardProtocol.Tcp),
            "udp" => (true, ForwardProtocol.Udp),
            "tcp_udp" => (true, ForwardProtocol.TcpUdp),
            _ => (false, ForwardProtocol.Tcp),
        };
        return known;
    }

    public static string ToName(ForwardProtocol protocol) => protocol switch
    {
        ForwardProtocol.Udp => "udp",
        ForwardProtocol.TcpUdp => "tcp_udp",
        _ => "tcp",
    };
}
