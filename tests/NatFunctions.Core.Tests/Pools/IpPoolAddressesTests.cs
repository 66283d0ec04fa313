using CsCheck;
using NatFunctions.Core.Networking;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Tests.Pools;

public sealed class IpPoolAddressesTests
{
    [Theory]
    [InlineData("192.168.64.0/24", "192.168.64.10", "192.168.64.200", 191)]
    [InlineData("192.168.64.0/24", "192.168.64.1", "192.168.64.254", 254)]
    [InlineData("10.0.0.0/30", "10.0.0.1", "10.0.0.2", 2)]
    [InlineData("10.0.0.0/31", "10.0.0.0", "10.0.0.1", 2)]
    [InlineData("10.0.0.5/32", "10.0.0.5", "10.0.0.5", 1)]
    [InlineData("10.0.0.0/8", "10.0.0.1", "10.255.255.254", 16777214)]
    public void A_range_of_host_addresses_inside_the_network_is_accepted(string cidr, string start, string end, long capacity)
    {
        var errors = new FieldErrors();

        var addresses = IpPoolAddresses.Parse(cidr, start, end, errors);

        Assert.True(errors.IsEmpty);
        Assert.NotNull(addresses);
        Assert.Equal(capacity, addresses.Capacity);
        Assert.Equal(cidr, addresses.Cidr.ToString());
    }

    [Theory]
    [InlineData("192.168.64.1/24", "192.168.64.10", "192.168.64.20", "cidr", "is required: an IPv4 network in CIDR form with the host bits zero, e.g. 192.168.64.0/24")]
    [InlineData("192.168.64.0/24", "192.168.65.10", "192.168.64.20", "range_start", "must lie inside cidr")]
    [InlineData("192.168.64.0/24", "192.168.64.10", "192.168.65.20", "range_end", "must lie inside cidr")]
    [InlineData("192.168.64.0/24", "192.168.64.0", "192.168.64.20", "range_start", "must not be the network address of cidr")]
    [InlineData("192.168.64.0/24", "192.168.64.10", "192.168.64.255", "range_end", "must not be the broadcast address of cidr")]
    [InlineData("10.0.0.0/30", "10.0.0.1", "10.0.0.3", "range_end", "must not be the broadcast address of cidr")]
    [InlineData("192.168.64.0/24", "192.168.64.20", "192.168.64.10", "range_start", "must not be greater than range_end")]
    [InlineData("192.168.64.0/24", "192.168.65.20", "192.168.64.10", "range_start", "must lie inside cidr")]
    [InlineData("192.168.64.0/24", "192.168.064.10", "192.168.64.20", "range_start", "is required: an IPv4 address in dotted-quad form, e.g. 192.168.64.10")]
    [InlineData("192.168.64.0/24", "192.168.64.10", null, "range_end", "is required: an IPv4 address in dotted-quad form, e.g. 192.168.64.10")]
    public void Each_broken_rule_is_reported_on_its_field(string? cidr, string? start, string? end, string field, string message)
    {
        var errors = new FieldErrors();

        var addresses = IpPoolAddresses.Parse(cidr, start, end, errors);

        Assert.Null(addresses);
        var reported = Assert.Single(errors.ToDictionary());
        Assert.Equal(field, reported.Key);
        Assert.Equal([message], reported.Value);
    }

    [Fact]
    public void All_missing_fields_are_reported_at_once()
    {
        var errors = new FieldErrors();

        IpPoolAddresses.Parse(null, null, null, errors);

        Assert.Equal(["cidr", "range_end", "range_start"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("192.168.64.0/24'; rm -rf /")]
    [InlineData("$(reboot)")]
    [InlineData("192.168.64.0/24\nset nat")]
    [InlineData("\"192.168.64.0/24\"")]
    public void Hostile_text_is_refused_and_never_echoed(string hostile)
    {
        var errors = new FieldErrors();

        var addresses = IpPoolAddresses.Parse(hostile, hostile, hostile, errors);

        Assert.Null(addresses);
        var messages = errors.ToDictionary().Values.SelectMany(value => value).ToList();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, message => Assert.DoesNotContain(hostile, message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("192.168.64.10", "192.168.64.100", "192.168.64.100", "192.168.64.200", true)]
    [InlineData("192.168.64.10", "192.168.64.100", "192.168.64.101", "192.168.64.200", false)]
    [InlineData("192.168.64.50", "192.168.64.60", "192.168.64.10", "192.168.64.200", true)]
    public void Ranges_overlap_when_they_share_an_address(string aStart, string aEnd, string bStart, string bEnd, bool overlap)
    {
        var a = Pool("192.168.64.0/24", aStart, aEnd);
        var b = Pool("192.168.64.0/24", bStart, bEnd);

        Assert.Equal(overlap, a.RangeOverlaps(b));
        Assert.Equal(overlap, b.RangeOverlaps(a));
    }

    [Theory]
    [InlineData("192.168.64.0/24", "192.168.64.0/24", "192.168.64.30", false)]
    [InlineData("192.168.64.0/24", "192.168.65.0/24", "192.168.65.30", false)]
    [InlineData("192.168.64.0/24", "192.168.64.0/23", "192.168.65.30", true)]
    [InlineData("192.168.64.0/25", "192.168.64.0/24", "192.168.64.200", true)]
    public void Networks_of_one_router_must_be_equal_or_disjoint(string aCidr, string bCidr, string bAddress, bool conflict)
    {
        var a = Pool(aCidr, "192.168.64.10", "192.168.64.20");
        var b = Pool(bCidr, bAddress, bAddress);

        Assert.Equal(conflict, a.CidrConflicts(b));
        Assert.Equal(conflict, b.CidrConflicts(a));
    }

    [Fact]
    public void Range_overlap_is_exactly_sharing_at_least_one_address()
    {
        var host = Gen.UInt[1, 254];
        var range = Gen.Select(host, host).Select(pair => (Start: Math.Min(pair.Item1, pair.Item2), End: Math.Max(pair.Item1, pair.Item2)));

        Gen.Select(range, range).Sample((a, b) =>
        {
            var first = Pool("192.168.64.0/24", $"192.168.64.{a.Start}", $"192.168.64.{a.End}");
            var second = Pool("192.168.64.0/24", $"192.168.64.{b.Start}", $"192.168.64.{b.End}");
            var shared = Enumerable.Range(1, 254).Any(last =>
            {
                var address = Ipv4Address.Parse($"192.168.64.{last}");
                return first.InRange(address) && second.InRange(address);
            });
            return first.RangeOverlaps(second) == shared;
        });
    }

    private static IpPoolAddresses Pool(string cidr, string start, string end)
    {
        var errors = new FieldErrors();
        return IpPoolAddresses.Parse(cidr, start, end, errors) ?? throw new InvalidOperationException(string.Join("; ", errors.ToDictionary().Keys));
    }
}
