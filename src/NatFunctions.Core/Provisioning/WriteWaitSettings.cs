namespace NatFunctions.Core.Provisioning;

/// <summary>How long a write waits for the commit that carries it before answering 202 (setting <c>Apply:WaitSeconds</c>).</summary>
public sealed record WriteWaitSettings(TimeSpan Wait);
