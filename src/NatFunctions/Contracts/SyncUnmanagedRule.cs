namespace NatFunctions.Contracts;

/// <summary>A rule in the managed range without our marker: seen, avoided, never touched.</summary>
public sealed record SyncUnmanagedRule(int RuleNumber, string? Description);
