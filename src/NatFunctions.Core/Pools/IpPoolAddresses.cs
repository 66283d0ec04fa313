using NatFunctions.Core.Domain;
using NatFunctions.Core.Networking;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Pools;

/// <summary>
/// The network of an IP pool and the range inside it that NatFunctions hands out. The range never contains the
/// network or broadcast address of a network of /30 or larger (those are not host addresses; /31 and /32 have none).
/// </summary>
public sealed record IpPoolAddresses(Ipv4Network Cidr, Ipv4Address RangeStart, Ipv4Address RangeEnd)
{
    public const string CidrRule = "an IPv4 network in CIDR form with the host bits zero, e.g. 192.168.64.0/24";
    public const string AddressRule = "an IPv4 address in dotted-quad form, e.g. 192.168.64.10";

    private const int LargestPrefixWithBroadcast = 30;

    public long Capacity => (long)RangeEnd.Value - RangeStart.Value + 1;

    /// <summary>Parses and checks the three fields together, adding one message per bad field to <paramref name="errors"/>.</summary>
    public static IpPoolAddresses? Parse(string? cidrText, string? rangeStartText, string? rangeEndText, FieldErrors errors)
    {
        var cidrValid = Ipv4Network.TryParse(cidrText, out var cidr);
        var startValid = Ipv4Address.TryParse(rangeStartText, out var start);
        var endValid = Ipv4Address.TryParse(rangeEndText, out var end);
        if (!cidrValid)
        {
            errors.Add("cidr", $"is required: {CidrRule}");
        }

        if (!startValid)
        {
            errors.Add("range_start", $"is required: {AddressRule}");
        }

        if (!endValid)
        {
            errors.Add("range_end", $"is required: {AddressRule}");
        }

        if (!cidrValid || !startValid || !endValid)
        {
            return null;
        }

        var valid = CheckEnd("range_start", start, cidr, errors) & CheckEnd("range_end", end, cidr, errors);
        if (valid && start > end)
        {
            errors.Add("range_start", "must not be greater than range_end");
            valid = false;
        }

        return valid ? new IpPoolAddresses(cidr, start, end) : null;
    }

    /// <summary>
    /// The addresses of a stored pool. Rows are validated on the way in, so null only means a row edited by hand
    /// into nonsense; callers then treat the pool as empty rather than failing every list.
    /// </summary>
    public static IpPoolAddresses? FromStored(IpPool pool) => Parse(pool.Cidr, pool.RangeStart, pool.RangeEnd, new FieldErrors());

    public bool InRange(Ipv4Address address) => address >= RangeStart && address <= RangeEnd;

    public bool RangeOverlaps(IpPoolAddresses other) => RangeStart <= other.RangeEnd && other.RangeStart <= RangeEnd;

    /// <summary>
    /// Two pools of one router may share a network (one LAN split into several ranges) or use disjoint networks;
    /// networks that overlap without being equal cannot both be the LAN of one router and point at a typing error.
    /// </summary>
    public bool CidrConflicts(IpPoolAddresses other) => Cidr != other.Cidr && Cidr.Overlaps(other.Cidr);

    public override string ToString() => $"{RangeStart}-{RangeEnd}";

    private static bool CheckEnd(string field, Ipv4Address address, Ipv4Network cidr, FieldErrors errors)
    {
        if (!cidr.Contains(address))
        {
            errors.Add(field, "must lie inside cidr");
            return false;
        }

        if (cidr.PrefixLength <= LargestPrefixWithBroadcast && address == cidr.First)
        {
            errors.Add(field, "must not be the network address of cidr");
            return false;
        }

        if (cidr.PrefixLength <= LargestPrefixWithBroadcast && address == cidr.Last)
        {
            errors.Add(field, "must not be the broadcast address of cidr");
            return false;
        }

        return true;
    }
}
