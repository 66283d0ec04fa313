namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// One pool's size and what is left of it; <see cref="Kind"/> is <c>ip</c> or <c>port</c>. <see cref="Router"/> is the
/// label monitoring.md, the alerts and the dashboard select pools by.
/// </summary>
public sealed record PoolLevel(string Router, string Pool, string Kind, long Capacity, long Free);
