using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.VyosFidelity;

/// <summary>
/// <see cref="NatRuleCommands"/> in a version's syntax: equuleus interface-definitions/include/nat-interface.xml.in
/// makes <c>inbound-interface</c> a plain leaf; sagitta+ include/firewall/match-interface.xml.i puts it under <c>name</c>.
/// </summary>
internal static class VersionedNatCommands
{
    public static IReadOnlyList<string> PortForward(string version, int rule, int externalPort, string internalAddress, int internalPort) =>
        InSyntaxOf(version, NatRuleCommands.PortForward(rule, externalPort, internalAddress, internalPort));

    public static IReadOnlyList<string> WithoutTranslation(string version, int rule, int externalPort) =>
        InSyntaxOf(version, NatRuleCommands.WithoutTranslation(rule, externalPort));

    private static IReadOnlyList<string> InSyntaxOf(string version, IReadOnlyList<string> commands) =>
        version == "1.3" ? [.. commands.Select(command => command.Replace("inbound-interface name ", "inbound-interface ", StringComparison.Ordinal))] : commands;
}
