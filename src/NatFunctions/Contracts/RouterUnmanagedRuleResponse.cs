namespace NatFunctions.Contracts;

/// <summary>A rule in the managed range without our marker: never modified, its number and port avoided.</summary>
public sealed record RouterUnmanagedRuleResponse(int Number, string? Description);
