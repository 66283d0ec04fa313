namespace NatFunctions.Core.Applying;

public interface IRouterReservationSource
{
    /// <summary>
    /// The reservations from the most recent read of the router (kept fresh by every apply and sync); reads the
    /// router when nothing has been observed yet, and answers <see cref="RouterReservations.None"/> with a null
    /// <c>ObservedAt</c> when the router cannot be reached.
    /// </summary>
    Task<RouterReservations> GetAsync(string router, CancellationToken cancellationToken);
}
