using NatFunctions.Core.Networking;

namespace NatFunctions.Core.Tests.Networking;

public sealed class NetworkingValueTests
{
    [Theory]
    [InlineData("192.168.64.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("01.1.1.1", false)]
    [InlineData("1.1.1", false)]
    [InlineData("1.1.1.1 ", false)]
    [InlineData("1.1.1.1;reboot", false)]
    [InlineData("０.1.1.1", false)]
    [InlineData("", false)]
    public void Ipv4_addresses_parse_strictly(string text, bool valid)
    {
        Assert.Equal(valid, Ipv4Address.TryParse(text, out var address));
        if (valid)
        {
            Assert.Equal(text, address.ToString());
        }
    }

    [Theory]
    [InlineData("192.168.64.0/24", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("192.168.64.1/24", false)]
    [InlineData("192.168.64.0/33", false)]
    [InlineData("192.168.64.0/024", false)]
    [InlineData("192.168.64.0", false)]
    public void Networks_need_zero_host_bits(string text, bool valid)
    {
        Assert.Equal(valid, Ipv4Network.TryParse(text, out _));
    }

    [Fact]
    public void A_network_knows_its_bounds_and_overlaps()
    {
        var lan = Ipv4Network.TryParse("192.168.64.0/24", out var a) ? a : default;
        Ipv4Network.TryParse("192.168.64.128/25", out var inner);
        Ipv4Network.TryParse("192.168.65.0/24", out var next);

        Assert.Equal("192.168.64.255", lan.Last.ToString());
        Assert.True(lan.Contains(Ipv4Address.Parse("192.168.64.100")));
        Assert.False(lan.Contains(Ipv4Address.Parse("192.168.65.1")));
        Assert.True(lan.Overlaps(inner));
        Assert.True(inner.Overlaps(lan));
        Assert.False(lan.Overlaps(next));
    }

    [Theory]
    [InlineData("52:54:00:AB:CD:EF", "52:54:00:ab:cd:ef")]
    [InlineData("52-54-00-ab-cd-ef", "52:54:00:ab:cd:ef")]
    [InlineData("5254.00ab.cdef", "52:54:00:ab:cd:ef")]
    [InlineData("525400abcdef", "52:54:00:ab:cd:ef")]
    public void Mac_addresses_are_normalised(string text, string expected)
    {
        Assert.True(MacAddress.TryNormalise(text, out var normalised));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData("01:00:5e:00:00:01")]
    [InlineData("00:00:00:00:00:00")]
    [InlineData("52:54:00:ab:cd")]
    [InlineData("52:54-00:ab:cd:ef")]
    [InlineData("52:54:00:ab:cd:eg")]
    [InlineData("52:54:00:ab:cd:ef'")]
    public void Bad_mac_addresses_are_refused(string text)
    {
        Assert.False(MacAddress.TryNormalise(text, out _));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("203.0.113.0/24", "203.0.113.0/24")]
    [InlineData("203.0.113.7/32", "203.0.113.7")]
    public void Source_addresses_are_normalised(string text, string expected)
    {
        Assert.True(SourceAddress.TryNormalise(text, out var normalised));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData("203.0.113.7/24")]
    [InlineData("any")]
    [InlineData("203.0.113.7 ")]
    public void Bad_source_addresses_are_refused(string text)
    {
        Assert.False(SourceAddress.TryNormalise(text, out _));
    }
}
