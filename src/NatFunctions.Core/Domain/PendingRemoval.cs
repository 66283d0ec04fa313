namespace NatFunctions.Core.Domain;

/// <summary>
/// A router object that a write removed from the desired state and that the router may still hold: the NAT rule
/// <see cref="RuleNumber"/> of a deleted forward, or the DHCP mapping of the decommissioned VM <see cref="MachineId"/>.
/// Written in the same transaction as the removal and cleared once the router no longer has the object, so that a
/// reconcile that applies only pending changes (<c>Sync:Mode</c> report) deletes exactly what writes removed and
/// never repairs drift (decision 0014).
/// </summary>
public sealed class PendingRemoval : Entity
{
    public string Router { get; set; } = string.Empty;

    public int? RuleNumber { get; set; }

    public string? MachineId { get; set; }
}
