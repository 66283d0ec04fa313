namespace NatFunctions.Core.Applying;

/// <summary>A row as read before a session: its id and the concurrency stamp it had then.</summary>
public sealed record StoredRow(long Id, Guid Stamp);
