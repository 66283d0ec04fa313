namespace NatFunctions.Infrastructure.Routers;

/// <summary>A shell that gives its place in the channel budget back once it is closed.</summary>
internal sealed class BudgetedTextChannel(IRouterTextChannel inner, Action release) : IRouterTextChannel
{
    private int released;

    public Task SendLineAsync(string line, CancellationToken cancellationToken) => inner.SendLineAsync(line, cancellationToken);

    public Task SendKeyAsync(char key, CancellationToken cancellationToken) => inner.SendKeyAsync(key, cancellationToken);

    public Task<string?> ReceiveAsync(CancellationToken cancellationToken) => inner.ReceiveAsync(cancellationToken);

    // The version read at connect is remembered per SSH connection, not per shell.
    public object Connection => inner.Connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Exchange(ref released, 1) == 0) release();
        }
    }
}
