using System.Collections.Concurrent;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// Serialises allocation per router within one instance, so a burst of provisions does not race for the same
/// lowest free value and retry in a storm. Across instances the unique indexes (plus bounded retry) decide.
/// </summary>
public sealed class AllocationGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string router, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(router, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
