using System.Globalization;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Which router object a change, a refusal or a held-back mapping is about: a NAT destination rule by its number or
/// a DHCP static mapping by its name. Two keys are equal when they name the same object; <see cref="ToString"/> is the
/// object's path as VyOS shows it, for logs and messages only.
/// </summary>
public readonly record struct RouterObjectKey
{
    private RouterObjectKey(int? ruleNumber, string? mappingName)
    {
        RuleNumber = ruleNumber;
        MappingName = mappingName;
    }

    /// <summary>The NAT destination rule's number, or null for a DHCP mapping.</summary>
    public int? RuleNumber { get; }

    /// <summary>The DHCP static mapping's name, or null for a NAT rule.</summary>
    public string? MappingName { get; }

    public static RouterObjectKey NatRule(int ruleNumber) => new(ruleNumber, null);

    public static RouterObjectKey DhcpMapping(string mappingName)
    {
        ArgumentException.ThrowIfNullOrEmpty(mappingName);
        return new RouterObjectKey(null, mappingName);
    }

    /// <summary>The key of an object named by exactly one of a rule number and a mapping name.</summary>
    public static RouterObjectKey Of(int? ruleNumber, string? mappingName) => (ruleNumber, mappingName) switch
    {
        ({ } number, null) => NatRule(number),
        (null, { } name) => DhcpMapping(name),
        _ => throw new ArgumentException("A router object is either a NAT rule or a DHCP mapping, not both or neither."),
    };

    public override string ToString() => RuleNumber is { } number
        ? "nat destination rule " + number.ToString(CultureInfo.InvariantCulture)
        : "dhcp static-mapping " + MappingName;
}
