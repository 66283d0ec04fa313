namespace NatFunctions.LocalHost.Rpc;

/// <summary>Lets the outer host alone react to Ctrl+C/SIGTERM; the gRPC server must stay up until the worker has
/// been told to terminate.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
