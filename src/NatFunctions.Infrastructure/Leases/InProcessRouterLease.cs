using System.Collections.Concurrent;
using NatFunctions.Core.Applying;

namespace NatFunctions.Infrastructure.Leases;

/// <summary>One semaphore per router: correct only while a single instance of the app talks to the routers.</summary>
public sealed class InProcessRouterLease : IRouterLease
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IHeldRouterLease?> AcquireAsync(string router, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(router, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false) ? new Held(gate) : null;
    }

    private sealed class Held(SemaphoreSlim gate) : IHeldRouterLease
    {
        private int released;

        // Nothing outside this process can take it, so it is held until released.
        public Task<bool> ConfirmHeldAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref released) == 0);

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
