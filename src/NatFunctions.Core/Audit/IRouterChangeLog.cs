namespace NatFunctions.Core.Audit;

/// <summary>Reads the audit of router sessions (<see cref="Domain.RouterChange"/>); written by the applier.</summary>
public interface IRouterChangeLog
{
    /// <summary>
    /// Sessions newest first (by id, which grows with every recorded session) that match <paramref name="filter"/>,
    /// only those older than <paramref name="beforeId"/> when given.
    /// </summary>
    Task<ChangePage> ListAsync(ChangeFilter filter, long? beforeId, int pageSize, CancellationToken cancellationToken);

    /// <summary>Deletes the sessions that started before <paramref name="startedBefore"/> (UTC); returns how many.</summary>
    Task<int> PruneAsync(DateTime startedBefore, CancellationToken cancellationToken);
}
