namespace NatFunctions.Core.Audit;

/// <summary>Reads the audit of router sessions (<see cref="Domain.RouterChange"/>); written by the applier.</summary>
public interface IRouterChangeLog
{
    /// <summary>
    /// Sessions newest first (by id, which grows with every recorded session), optionally of one router, only those
    /// older than <paramref name="beforeId"/> when given.
    /// </summary>
    Task<ChangePage> ListAsync(string? router, long? beforeId, int pageSize, CancellationToken cancellationToken);
}
