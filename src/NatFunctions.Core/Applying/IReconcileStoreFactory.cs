using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>Opens the store one reconcile run of a router works on (its own unit of work).</summary>
public interface IReconcileStoreFactory
{
    IReconcileStore Open(RouterSettings router);
}
