using System.Globalization;
using System.Text;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Benchmarks;

/// <summary>
/// A router at scale as the reconciler sees it: the stored VMs (three forwards each, applied) and the
/// <c>show configuration commands</c> text the router prints for them, with a share of the rules drifted
/// (translation port changed on the router) and a few lines of unrelated configuration.
/// </summary>
internal sealed class RouterFleet
{
    /// <summary>Lines one VM's three rules take in <c>show configuration commands</c> (six leaves per rule).</summary>
    public const int LinesPerVm = 18;

    private static readonly (string Name, int InternalPort)[] TemplatePorts = [("http", 80), ("https", 443), ("ssh", 22)];

    private RouterFleet(IReadOnlyList<Vm> vms, string configText, int driftedRules)
    {
        Vms = vms;
        ConfigText = configText;
        DriftedRules = driftedRules;
    }

    public static RouterSettings Settings { get; } = new()
    {
        Name = "edge",
        Transport = RouterTransport.Simulated,
        ManagedRules = new RuleNumberRange(10000, 59999),
    };

    public IReadOnlyList<Vm> Vms { get; }

    public string ConfigText { get; }

    public int DriftedRules { get; }

    public int RuleCount => Vms.Count * TemplatePorts.Length;

    /// <param name="vmCount">VMs on the router.</param>
    /// <param name="driftEvery">Every n-th rule differs on the router (100 = 1% drift).</param>
    public static RouterFleet Create(int vmCount, int driftEvery)
    {
        var ownership = new RouterOwnership(Settings);
        var vms = new List<Vm>(vmCount);
        var text = new StringBuilder();
        text.Append("set interfaces ethernet eth0 address 'dhcp'\n");
        text.Append("set interfaces ethernet eth1 address '10.64.0.1/16'\n");
        text.Append("set system host-name 'edge'\n");
        var drifted = 0;
        for (var index = 0; index < vmCount; index++)
        {
            var vm = new Vm
            {
                MachineId = $"vm-{index:D5}",
                InternalIp = $"10.64.{index / 250}.{(index % 250) + 2}",
                Router = Settings.Name,
                DhcpSyncState = SyncState.Applied,
            };
            for (var port = 0; port < TemplatePorts.Length; port++)
            {
                var slot = (index * TemplatePorts.Length) + port;
                var forward = new PortForward
                {
                    Router = Settings.Name,
                    PortName = TemplatePorts[port].Name,
                    InternalPort = TemplatePorts[port].InternalPort,
                    ExternalPort = 2000 + slot,
                    NatRuleNumber = 10000 + slot,
                    SyncState = SyncState.Applied,
                };
                vm.Forwards.Add(forward);
                var isDrifted = slot % driftEvery == driftEvery - 1;
                drifted += isDrifted ? 1 : 0;
                AppendRule(text, forward, vm, ownership.RuleDescription(vm.MachineId, forward.PortName, null), isDrifted);
            }

            vms.Add(vm);
        }

        return new RouterFleet(vms, text.ToString(), drifted);
    }

    private static void AppendRule(StringBuilder text, PortForward forward, Vm vm, string description, bool drifted)
    {
        var prefix = "set nat destination rule " + forward.NatRuleNumber.ToString(CultureInfo.InvariantCulture);
        var translationPort = drifted ? forward.InternalPort + 1 : forward.InternalPort;
        text.Append(CultureInfo.InvariantCulture, $"{prefix} description '{description}'\n");
        text.Append(CultureInfo.InvariantCulture, $"{prefix} destination port '{forward.ExternalPort}'\n");
        text.Append(CultureInfo.InvariantCulture, $"{prefix} inbound-interface name 'eth0'\n");
        text.Append(CultureInfo.InvariantCulture, $"{prefix} protocol 'tcp'\n");
        text.Append(CultureInfo.InvariantCulture, $"{prefix} translation address '{vm.InternalIp}'\n");
        text.Append(CultureInfo.InvariantCulture, $"{prefix} translation port '{translationPort}'\n");
    }
}
