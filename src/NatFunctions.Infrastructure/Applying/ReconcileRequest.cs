using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Applying;

public sealed record ReconcileRequest(string Router, ChangeTrigger Trigger, string? Actor, ReconcileKind Kind);
