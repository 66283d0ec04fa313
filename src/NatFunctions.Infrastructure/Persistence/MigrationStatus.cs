namespace NatFunctions.Infrastructure.Persistence;

public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending);
