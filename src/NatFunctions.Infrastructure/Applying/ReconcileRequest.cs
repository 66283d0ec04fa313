using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Applying;

/// <param name="MachineId">
/// With <see cref="ReconcileKind.PendingOnly"/>: only this VM's changes (and removals) are sent and only its rows are
/// marked, which is what <c>Apply:Mode</c> per-request means. Null: every pending change.
/// </param>
public sealed record ReconcileRequest(string Router, ChangeTrigger Trigger, string? Actor, ReconcileKind Kind, string? MachineId = null);
