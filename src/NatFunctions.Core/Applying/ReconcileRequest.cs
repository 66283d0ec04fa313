using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Applying;

public sealed record ReconcileRequest(string Router, ChangeTrigger Trigger, string? Actor, ReconcileKind Kind);
