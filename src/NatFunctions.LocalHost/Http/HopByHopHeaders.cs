using Microsoft.Extensions.Primitives;

namespace NatFunctions.LocalHost.Http;

/// <summary>Headers that describe one connection (RFC 9110 §7.6.1) and must not cross the proxy, including any the
/// Connection header itself names.</summary>
internal sealed class HopByHopHeaders
{
    private static readonly string[] Standard =
        ["Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade"];

    private readonly HashSet<string> names;

    private HopByHopHeaders(IEnumerable<string> connectionTokens)
    {
        names = new HashSet<string>(Standard, StringComparer.OrdinalIgnoreCase);
        names.UnionWith(connectionTokens);
    }

    public static HopByHopHeaders From(StringValues connectionHeader)
        => new(connectionHeader.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    public bool Contains(string headerName) => names.Contains(headerName);
}
