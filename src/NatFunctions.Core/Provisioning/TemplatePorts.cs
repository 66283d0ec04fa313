namespace NatFunctions.Core.Provisioning;

/// <summary>The well-known forwards a VM gets by name; anything else is a custom forward and needs its internal port.</summary>
public static class TemplatePorts
{
    public static readonly IReadOnlyList<string> Default = ["ssh", "http", "https"];

    /// <summary>
    /// Literal segments of the routes under <c>/v1/vms/{machine_id}/ports/</c>: <c>/ports/template</c> always reaches
    /// the template endpoint, so a forward with such a name could never be addressed on its own.
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["template"];

    public const string ReservedRule = "is reserved: the URL /ports/template addresses the template ports, not a forward";

    private static readonly Dictionary<string, int> InternalPorts = new(StringComparer.Ordinal)
    {
        ["ssh"] = 22,
        ["http"] = 80,
        ["https"] = 443,
    };

    public static bool TryGetInternalPort(string name, out int port) => InternalPorts.TryGetValue(name, out port);

    public static bool IsTemplate(string name) => InternalPorts.ContainsKey(name);

    public static bool IsReserved(string name) => ReservedNames.Contains(name, StringComparer.Ordinal);
}
