namespace NatFunctions.Core.Domain;

public sealed class PortPool : Entity
{
    public required string Name { get; set; }

    public required string Router { get; set; }

    public int StartPort { get; set; }

    public int EndPort { get; set; }

    public bool IsActive { get; set; } = true;
}
