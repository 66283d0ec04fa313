namespace NatFunctions.Core.Applying;

/// <summary>
/// What one round of a run read from the database before reading the router: the removals writes asked for and the
/// rows. Removals are read first: a delete committed between the two reads is then gone from the rows too, so its
/// object is planned for deletion. Read the other way round it would be neither deleted nor kept as a removal.
/// </summary>
internal sealed record ReconcileRound(DateTime StartedAt, PendingRemovalSet Removals, DesiredRows Rows);
