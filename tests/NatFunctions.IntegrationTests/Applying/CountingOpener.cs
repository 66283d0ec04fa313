using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// Counts the shells opened on a router through its real opener, and can hold them at the door (a slow router) or
/// refuse them (a router that is down, as a connect failure reports it).
/// </summary>
internal sealed class CountingOpener(IRouterChannelOpener inner) : IRouterChannelOpener
{
    private TaskCompletionSource held = NewGate();
    private int opens;

    public int Opens => Volatile.Read(ref opens);

    /// <summary>While set, every open fails as an unreachable router's does.</summary>
    public bool Down { get; set; }

    /// <summary>Opens wait until <see cref="Release"/>.</summary>
    public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => held.TrySetResult();

    public async Task<IRouterTextChannel> OpenAsync(CancellationToken cancellationToken, RouterChannelUse use = RouterChannelUse.Read)
    {
        Interlocked.Increment(ref opens);
        await held.Task.WaitAsync(cancellationToken);
        if (Down) throw new RouterChannelException("could not connect to the router: connection refused");
        return await inner.OpenAsync(cancellationToken, use);
    }

    public void Dispose() => inner.Dispose();

    private static TaskCompletionSource NewGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}
