using System.Globalization;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Turns a router's stored VMs and port forwards into the NAT rules and DHCP mappings that should be on it.
/// Rows in <see cref="SyncState.Failed"/> are frozen. A row whose values VyOS could not take is refused here, so a
/// bad row is reported on its own instead of failing a whole batch at the router.
/// </summary>
public sealed class DesiredStateBuilder(RouterSettings settings)
{
    private readonly RouterOwnership ownership = new(settings);
    private readonly VyosCommandRenderer renderer = new(settings.VyosVersion);

    public DesiredState Build(IEnumerable<Vm> vms)
    {
        ArgumentNullException.ThrowIfNull(vms);
        var rules = new Dictionary<int, NatDestinationRule>();
        var mappings = new Dictionary<string, DhcpStaticMapping>(StringComparer.Ordinal);
        var frozenRules = new HashSet<int>();
        var frozenMappings = new HashSet<string>(StringComparer.Ordinal);
        var pendingRules = new HashSet<int>();
        var pendingMappings = new HashSet<string>(StringComparer.Ordinal);
        var refused = new List<RefusedObject>();

        foreach (var vm in vms)
        {
            foreach (var forward in vm.Forwards)
            {
                var number = forward.NatRuleNumber;
                if (forward.SyncState == SyncState.Failed)
                {
                    frozenRules.Add(number);
                    continue;
                }

                // Checked without rendering: the planner renders only the rules it changes.
                var problem = FindForwardProblem(forward, rules);
                NatDestinationRule? rule = null;
                if (problem is null)
                {
                    rule = ToRule(vm, forward);
                    problem = renderer.FindNatDestinationRuleProblem(rule);
                }

                if (problem is not null || rule is null)
                {
                    refused.Add(new RefusedObject(number, null, problem ?? "the rule could not be rendered"));
                    frozenRules.Add(number);
                    continue;
                }

                rules.Add(number, rule);
                if (forward.SyncState == SyncState.Pending) pendingRules.Add(number);
            }

            AddMapping(vm, mappings, frozenMappings, pendingMappings, refused);
        }

        return new DesiredState(rules, mappings, frozenRules, frozenMappings, pendingRules, pendingMappings, refused);
    }

    private void AddMapping(
        Vm vm,
        Dictionary<string, DhcpStaticMapping> mappings,
        HashSet<string> frozen,
        HashSet<string> pending,
        List<RefusedObject> refused)
    {
        if (!ownership.ManagesDhcp || vm.MacAddress is null) return;

        var name = ownership.MappingName(vm.MachineId);
        if (vm.DhcpSyncState == SyncState.Failed)
        {
            frozen.Add(name);
            return;
        }

        var mapping = new DhcpStaticMapping(settings.DhcpSharedNetwork!, settings.DhcpSubnet!, name)
        {
            IpAddress = vm.InternalIp,
            MacAddress = vm.MacAddress,
        };
        if (!VyosPathWord.IsValid(name) || mappings.ContainsKey(name))
        {
            refused.Add(new RefusedObject(null, name, $"'{name}' cannot name a DHCP static mapping"));
            frozen.Add(name);
            return;
        }

        var problem = renderer.FindDhcpStaticMappingProblem(mapping);
        if (problem is not null)
        {
            refused.Add(new RefusedObject(null, name, problem));
            frozen.Add(name);
            return;
        }

        mappings.Add(name, mapping);
        if (vm.DhcpSyncState == SyncState.Pending) pending.Add(name);
    }

    private string? FindForwardProblem(PortForward forward, Dictionary<int, NatDestinationRule> rules)
    {
        // Formatted only for a message: this runs for every forward of the router.
        string Number() => forward.NatRuleNumber.ToString(CultureInfo.InvariantCulture);
        if (!ownership.IsInManagedRange(forward.NatRuleNumber))
        {
            return $"rule number {Number()} is outside the managed range {settings.ManagedRules}";
        }

        if (rules.ContainsKey(forward.NatRuleNumber))
        {
            return $"rule number {Number()} is given to two forwards";
        }

        if (forward.ExternalPort is < 1 or > 65535 || forward.InternalPort is < 1 or > 65535)
        {
            return "ports must be between 1 and 65535";
        }

        return null;
    }

    private NatDestinationRule ToRule(Vm vm, PortForward forward)
    {
        return new NatDestinationRule(forward.NatRuleNumber)
        {
            Description = ownership.RuleDescription(vm.MachineId, forward.PortName, forward.CustomDescription),
            DestinationPort = forward.ExternalPort.ToString(CultureInfo.InvariantCulture),
            InboundInterface = settings.InboundInterface,
            Protocol = ProtocolText(forward.Protocol),
            SourceAddress = string.IsNullOrEmpty(forward.SourceIp) ? null : forward.SourceIp,
            TranslationAddress = vm.InternalIp,
            TranslationPort = forward.InternalPort.ToString(CultureInfo.InvariantCulture),
            Disabled = forward.Status == ForwardStatus.Disabled,
        };
    }

    public static string ProtocolText(ForwardProtocol protocol) => protocol switch
    {
        ForwardProtocol.Tcp => "tcp",
        ForwardProtocol.Udp => "udp",
        ForwardProtocol.TcpUdp => "tcp_udp",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown protocol"),
    };
}
