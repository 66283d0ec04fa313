using System.Text.RegularExpressions;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Planning;

/// <summary>
/// What NatFunctions owns on a router (product-spec §1.3): a NAT destination rule whose number is in the managed range
/// and whose description has exactly the shape <see cref="RuleDescription"/> renders (<c>&lt;marker&gt;:&lt;machine_id&gt;:&lt;port_name&gt;</c>,
/// optionally followed by a space and a custom description); a DHCP static mapping under the configured shared
/// network and subnet whose name is <c>&lt;marker&gt;-&lt;machine_id&gt;</c>. A mere marker prefix (<c>nf: legacy</c>,
/// <c>nf:old</c>, <c>nf-Printer_2</c>) is not enough: anything we could not have written is someone else's
/// (decision 0014).
/// </summary>
public sealed class RouterOwnership
{
    // The machine id and port name shape (ResourceName): a lower-case DNS label.
    private const string NamePattern = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

    private readonly RouterSettings settings;
    private readonly Regex ruleDescription;
    private readonly Regex mappingName;

    public RouterOwnership(RouterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        RulePrefix = settings.Marker + ":";
        MappingPrefix = settings.Marker + "-";
        var marker = Regex.Escape(settings.Marker);
        ruleDescription = new Regex($@"^{marker}:{NamePattern}:{NamePattern}(?: .+)?\z", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        mappingName = new Regex($@"^{marker}-{NamePattern}\z", RegexOptions.CultureInvariant);
    }

    // Kept, not concatenated per call: ownership is asked for every rule of a router on every reconcile.
    public string RulePrefix { get; }

    public string MappingPrefix { get; }

    public bool ManagesDhcp => settings.DhcpSharedNetwork is not null && settings.DhcpSubnet is not null;

    public bool IsInManagedRange(int ruleNumber) => settings.ManagedRules.Contains(ruleNumber);

    public bool OwnsRule(int ruleNumber, string? description) =>
        IsInManagedRange(ruleNumber) && IsOurRuleDescription(description);

    public bool IsOurRuleDescription(string? description) =>
        description is not null && description.StartsWith(RulePrefix, StringComparison.Ordinal) && ruleDescription.IsMatch(description);

    public bool OwnsMapping(string sharedNetwork, string subnet, string name) =>
        ManagesDhcp
        && sharedNetwork == settings.DhcpSharedNetwork
        && subnet == settings.DhcpSubnet
        && name.StartsWith(MappingPrefix, StringComparison.Ordinal)
        && mappingName.IsMatch(name);

    public string RuleDescription(string machineId, string portName, string? customDescription) =>
        string.IsNullOrEmpty(customDescription)
            ? $"{RulePrefix}{machineId}:{portName}"
            : $"{RulePrefix}{machineId}:{portName} {customDescription}";

    public string MappingName(string machineId) => MappingPrefix + machineId;
}
