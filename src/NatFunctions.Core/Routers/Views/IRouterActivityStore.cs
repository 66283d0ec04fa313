namespace NatFunctions.Core.Routers.Views;

/// <summary>Reads a router's <see cref="RouterActivity"/> from the audit log and the forwards' sync states.</summary>
public interface IRouterActivityStore
{
    Task<RouterActivity> GetAsync(string router, CancellationToken cancellationToken);
}
