namespace NatFunctions.Infrastructure.Metrics;

/// <summary>One pool's size and what is left of it; <see cref="Kind"/> is <c>ip</c> or <c>port</c>.</summary>
public sealed record PoolLevel(string Pool, string Kind, long Capacity, long Free);
