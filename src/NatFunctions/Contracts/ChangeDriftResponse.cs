using NatFunctions.Core.Audit;

namespace NatFunctions.Contracts;

/// <summary>Drift a session found: owned objects missing, changed or extra on the router; foreign rules in the managed range.</summary>
public sealed record ChangeDriftResponse(int Missing, int Changed, int Extra, int Unmanaged)
{
    public static ChangeDriftResponse From(DriftCounts drift) => new(drift.Missing, drift.Changed, drift.Extra, drift.Unmanaged);
}
