namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>Command lines as Core renders them and as <c>show configuration commands</c> prints them back (VyOS 1.4 syntax).</summary>
internal static class NatRuleCommands
{
    public static IReadOnlyList<string> PortForward(int rule, int externalPort, string internalAddress, int internalPort) =>
    [
        $"set nat destination rule {rule} description 'nf:vm-{rule}:ssh'",
        $"set nat destination rule {rule} destination port '{externalPort}'",
        $"set nat destination rule {rule} inbound-interface name 'eth0'",
        $"set nat destination rule {rule} protocol 'tcp'",
        $"set nat destination rule {rule} translation address '{internalAddress}'",
        $"set nat destination rule {rule} translation port '{internalPort}'",
    ];

    /// <summary>A 1.4 rule without translation: every set succeeds, the commit fails.</summary>
    public static IReadOnlyList<string> WithoutTranslation(int rule, int externalPort) =>
    [
        $"set nat destination rule {rule} destination port '{externalPort}'",
        $"set nat destination rule {rule} inbound-interface name 'eth0'",
        $"set nat destination rule {rule} protocol 'tcp'",
    ];

    public static string[] ConfigLines(string showConfigurationCommands) =>
        showConfigurationCommands.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
