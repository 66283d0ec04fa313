namespace NatFunctions.Core.Domain;

public sealed class IpPool : Entity
{
    public required string Name { get; set; }

    public required string Router { get; set; }

    /// <summary>Network in CIDR form, e.g. <c>192.168.64.0/24</c>.</summary>
    public required string Cidr { get; set; }

    public required string RangeStart { get; set; }

    public required string RangeEnd { get; set; }

    public bool IsActive { get; set; } = true;
}
