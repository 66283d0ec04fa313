using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Planning;

/// <summary>Builds router settings, VMs and router configurations for planner tests.</summary>
internal static class PlanningScenario
{
    public const string SharedNetwork = "LAN";
    public const string Subnet = "192.168.64.0/24";

    public static RouterSettings Settings(VyosVersion? version = null, bool dhcp = true) => new()
    {
        Name = "edge",
        Transport = RouterTransport.Simulated,
        StateDir = "/unused",
        VyosVersion = version ?? VyosVersion.V1_4,
        ManagedRules = new RuleNumberRange(100, 199),
        DhcpSharedNetwork = dhcp ? SharedNetwork : null,
        DhcpSubnet = dhcp ? Subnet : null,
    };

    public static Vm Vm(string machineId, string internalIp, string? mac = null, params PortForward[] forwards)
    {
        var vm = new Vm { MachineId = machineId, InternalIp = internalIp, Router = "edge", MacAddress = mac };
        vm.Forwards.AddRange(forwards);
        return vm;
    }

    public static PortForward Forward(int rule, string portName, int externalPort, int internalPort) => new()
    {
        Router = "edge",
        PortName = portName,
        NatRuleNumber = rule,
        ExternalPort = externalPort,
        InternalPort = internalPort,
    };

    public static ConfigTree Config(params string[] lines) => ConfigCommandsParser.Parse(string.Join('\n', lines));

    /// <summary>The tree as a router would print it (render, then parse), so tests see what the planner sees.</summary>
    public static ConfigTree AsPrinted(ConfigTree tree) => ConfigCommandsParser.Parse(ConfigCommandsRenderer.Render(tree));

    public static string[] Lines(ConfigTree tree) => [.. ConfigCommandsRenderer.RenderLines(tree)];
}
