using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Vyos;
using NatFunctions.IntegrationTests.Applying;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// The end state every fault test must reach: every row applied, and the router's <c>show configuration commands</c>
/// holding each of them exactly once with the row's values, and no owned rule or mapping the database does not know.
/// Checked from the raw text and the database, not through the planner under test.
/// </summary>
internal static partial class RouterDatabaseAgreement
{
    public static async Task AssertAsync(ApplierRig rig, int expectedForwards)
    {
        var text = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        List<Vm> vms;
        await using (var db = rig.CreateContext())
        {
            vms = await db.Vms.AsNoTracking().Include(vm => vm.Forwards).ToListAsync();
        }

        var forwards = vms.SelectMany(vm => vm.Forwards.Select(forward => (Vm: vm, Forward: forward))).ToList();
        Assert.Equal(expectedForwards, forwards.Count);
        Assert.All(forwards, row => Assert.Equal((SyncState.Applied, null), (row.Forward.SyncState, row.Forward.LastError)));
        Assert.All(vms, vm => Assert.Equal(SyncState.Applied, vm.DhcpSyncState));

        // Ours: inside the managed range with the marker's full shape (a marked rule outside the range belongs to someone else).
        var ownedDescriptions = lines
            .Select(line => OwnedDescription().Match(line))
            .Where(match => match.Success && MarkerShape.IsOurDescription(match.Groups[2].Value)
                && rig.Router.ManagedRules.Contains(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)))
            .Select(match => match.Value)
            .ToList();
        Assert.Equal(forwards.Count, ownedDescriptions.Count);
        Assert.Equal(ownedDescriptions.Count, ownedDescriptions.Distinct(StringComparer.Ordinal).Count());
        foreach (var (vm, forward) in forwards)
        {
            var rule = forward.NatRuleNumber.ToString(CultureInfo.InvariantCulture);
            var prefix = $"set nat destination rule {rule} ";
            Assert.Single(ownedDescriptions, line => line.Contains($"'nf:{vm.MachineId}:{forward.PortName}'", StringComparison.Ordinal));
            Assert.Contains($"{prefix}description 'nf:{vm.MachineId}:{forward.PortName}'", lines);
            Assert.Contains($"{prefix}destination port '{forward.ExternalPort.ToString(CultureInfo.InvariantCulture)}'", lines);
            Assert.Contains($"{prefix}translation address '{vm.InternalIp}'", lines);
            Assert.Contains($"{prefix}translation port '{forward.InternalPort.ToString(CultureInfo.InvariantCulture)}'", lines);
            Assert.Contains($"{prefix}protocol '{ProtocolWord(forward.Protocol)}'", lines);
            Assert.Contains(rig.Router.VyosVersion == VyosVersion.V1_3
                ? $"{prefix}inbound-interface '{rig.Router.InboundInterface}'"
                : $"{prefix}inbound-interface name '{rig.Router.InboundInterface}'", lines);
            Assert.Equal(
                string.IsNullOrEmpty(forward.SourceIp) ? Array.Empty<string>() : [$"{prefix}source address '{forward.SourceIp}'"],
                lines.Where(line => line.StartsWith(prefix + "source ", StringComparison.Ordinal)));
            Assert.Equal(forward.Status == ForwardStatus.Disabled, lines.Contains($"{prefix}disable"));
        }

        var mappings = ManagedObjectReader.ReadDhcpStaticMappings(ConfigCommandsParser.Parse(text), rig.Router.VyosVersion)
            .Where(mapping => mapping.SharedNetwork == rig.Router.DhcpSharedNetwork && mapping.Subnet == rig.Router.DhcpSubnet
                && MarkerShape.IsOurMappingName(mapping.Name))
            .ToList();
        // Only a VM with a MAC address gets a static mapping, and only on a router whose DHCP we manage.
        Assert.Equal(
            vms.Where(vm => vm.MacAddress is not null && rig.Router.DhcpSharedNetwork is not null).Select(vm => ("nf-" + vm.MachineId, vm.InternalIp, vm.MacAddress)).Order(),
            mappings.Select(mapping => (mapping.Name, mapping.IpAddress!, mapping.MacAddress)).Order());
    }

    // VyOS's own words, written out here rather than taken from the renderer under test.
    private static string ProtocolWord(ForwardProtocol protocol) => protocol switch
    {
        ForwardProtocol.Tcp => "tcp",
        ForwardProtocol.Udp => "udp",
        _ => "tcp_udp",
    };

    [GeneratedRegex(@"^set nat destination rule (\d+) description '(nf:.*)'$")]
    private static partial Regex OwnedDescription();
}
