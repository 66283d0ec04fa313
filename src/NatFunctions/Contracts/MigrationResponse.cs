namespace NatFunctions.Contracts;

/// <summary><see cref="AppliedNow"/> is empty for GET and holds what this call applied for POST.</summary>
public sealed record MigrationResponse(string Provider, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> AppliedNow);
