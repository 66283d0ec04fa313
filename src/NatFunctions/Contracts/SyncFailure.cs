namespace NatFunctions.Contracts;

/// <summary>A desired object left off the router, with the router's (or the validator's) reason.</summary>
public sealed record SyncFailure(int? RuleNumber, string? MappingName, string Reason);
