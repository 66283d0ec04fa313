namespace NatFunctions.Core.Applying;

/// <summary>
/// Mutual exclusion of configure sessions on one router, across every instance of the app (Azure Blob lease) or
/// within this process when no storage is configured.
/// </summary>
public interface IRouterLease
{
    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the router's lease. Returns the held lease (dispose to release) or
    /// null when someone else kept it for the whole wait.
    /// </summary>
    Task<IHeldRouterLease?> AcquireAsync(string router, TimeSpan timeout, CancellationToken cancellationToken);
}
