namespace NatFunctions.Infrastructure.Applying;

/// <summary>A row as read before a session: its id and the concurrency stamp it had then.</summary>
internal sealed record StoredRow(long Id, Guid Stamp);
