namespace NatFunctions.Core.Audit;

/// <summary>
/// What one router session found different from the desired state: owned objects missing on the router, present
/// but different, present but no longer wanted; and foreign rules seen inside the managed range.
/// </summary>
public sealed record DriftCounts(int Missing, int Changed, int Extra, int Unmanaged);
