namespace NatFunctions.Core.Applying;

/// <summary>
/// A router lease this instance acquired. Disposing releases it, and always frees the in-process lock whatever the
/// lease store answers, so no failure leaves later sessions of the router queueing behind a lease nobody holds.
/// </summary>
public interface IHeldRouterLease : IAsyncDisposable
{
    /// <summary>
    /// Asks the lease store whether this instance still holds the lease, extending it when it does. False when the
    /// lease was lost (broken, expired, taken by another instance) or when the store could not say so: a session
    /// about to commit, confirm or save stops then, because another instance may be configuring the router.
    /// </summary>
    Task<bool> ConfirmHeldAsync(CancellationToken cancellationToken);
}
