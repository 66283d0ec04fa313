namespace NatFunctions.Core.Routers;

/// <summary>Outcome of a read-only probe. <paramref name="Detail"/> is for logs only, never for anonymous callers.</summary>
public sealed record RouterProbeResult(RouterProbeStatus Status, string? Detail = null);
