namespace NatFunctions.Core.Planning;

/// <summary>A rule inside the managed range that does not carry our marker: reported, avoided, never modified.</summary>
public sealed record UnmanagedRule(int RuleNumber, string? Description);
