namespace NatFunctions.Core.Health;

/// <summary>Checks one essential dependency for real (a query, a request), not just its configuration.</summary>
public interface IHealthProbe
{
    Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken);
}
