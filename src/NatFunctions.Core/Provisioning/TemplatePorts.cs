namespace NatFunctions.Core.Provisioning;

/// <summary>The well-known forwards a VM gets by name; anything else is a custom forward and needs its internal port.</summary>
public static class TemplatePorts
{
    public static readonly IReadOnlyList<string> Default = ["ssh", "http", "https"];

    private static readonly Dictionary<string, int> InternalPorts = new(StringComparer.Ordinal)
    {
        ["ssh"] = 22,
        ["http"] = 80,
        ["https"] = 443,
    };

    public static bool TryGetInternalPort(string name, out int port) => InternalPorts.TryGetValue(name, out port);

    public static bool IsTemplate(string name) => InternalPorts.ContainsKey(name);
}
