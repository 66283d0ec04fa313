using NatFunctions.Core.Planning;

namespace NatFunctions.Core.Tests.Planning;

public sealed class RouterReservationReaderTests
{
    [Fact]
    public void Foreign_rules_and_mappings_anywhere_are_reserved_our_own_are_not()
    {
        var settings = PlanningScenario.Settings();
        var tree = PlanningScenario.Config(
            "set nat destination rule 10 destination port '80,443,8000-8002'",
            "set nat destination rule 11 destination port 'ssh'",
            "set nat destination rule 12 destination port '!25'",
            "set nat destination rule 120 description 'hand made'",
            "set nat destination rule 120 destination port '32005'",
            "set nat destination rule 130 description 'nf:vm-a:ssh'",
            "set nat destination rule 130 destination port '32000'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a ip-address '192.168.64.10'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.20'",
            "set service dhcp-server shared-network-name GUEST subnet 10.0.0.0/24 static-mapping nf-x ip-address '10.0.0.5'");
        var now = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var reservations = RouterReservationReader.Read(tree, settings, now);

        Assert.Equal([10, 11, 12, 120], reservations.UnownedRuleNumbers.Order());
        Assert.Equal([22, 80, 443, 8000, 8001, 8002, 32005], reservations.UnownedExternalPorts.Order());
        Assert.Equal(["10.0.0.5", "192.168.64.20"], reservations.UnownedStaticIps.Order(StringComparer.Ordinal));
        Assert.Equal(now, reservations.ObservedAt);
    }

    [Theory]
    [InlineData("1.4", "mac-address")]
    [InlineData("1.5", "mac")]
    public void Macs_of_enabled_foreign_mappings_in_our_subnet_are_reserved(string version, string leaf)
    {
        var settings = PlanningScenario.Settings(NatFunctions.Core.Vyos.VyosVersion.Parse(version));
        var tree = PlanningScenario.Config(
            $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer {leaf} '00:11:22:33:44:55'",
            $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping old disable",
            $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping old {leaf} '00:11:22:33:44:66'",
            $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a {leaf} '00:11:22:33:44:77'",
            $"set service dhcp-server shared-network-name GUEST subnet 10.0.0.0/24 static-mapping kiosk {leaf} '00:11:22:33:44:88'");

        var reservations = RouterReservationReader.Read(tree, settings, DateTime.UnixEpoch);

        Assert.Equal("printer", Assert.Single(reservations.UnownedMacAddresses).Value);
        Assert.True(reservations.UnownedMacAddresses.ContainsKey("00:11:22:33:44:55".ToUpperInvariant()));
    }
}
