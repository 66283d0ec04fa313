namespace NatFunctions.Core.Networking;

/// <summary>A forward's optional source restriction: one IPv4 address or an IPv4 network (host bits zero).</summary>
public static class SourceAddress
{
    public const string Rule = "an IPv4 address (203.0.113.7) or network (203.0.113.0/24) with host bits zero";

    public static bool TryNormalise(string? text, out string normalised)
    {
        normalised = string.Empty;
        if (text is null)
        {
            return false;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (!Ipv4Network.TryParse(text, out var network))
            {
                return false;
            }

            normalised = network.PrefixLength == 32 ? network.Network.ToString() : network.ToString();
            return true;
        }

        if (!Ipv4Address.TryParse(text, out var address))
        {
            return false;
        }

        normalised = address.ToString();
        return true;
    }
}
