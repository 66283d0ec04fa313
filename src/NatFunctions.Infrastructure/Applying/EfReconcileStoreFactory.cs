using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>Gives each reconcile run a DI scope of its own: runs of different routers never share a DbContext.</summary>
internal sealed class EfReconcileStoreFactory(IServiceScopeFactory scopes, TimeProvider timeProvider) : IReconcileStoreFactory
{
    public IReconcileStore Open(RouterSettings router) => new EfReconcileStore(scopes.CreateAsyncScope(), router, timeProvider);
}
