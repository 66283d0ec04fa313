namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// A bidirectional text stream to a VyOS CLI: an SSH shell, or the simulator's stdin/stdout. The CLI protocol
/// (<see cref="VyosCliConversation"/>) runs unchanged over either, so the simulated transport exercises the same logic.
/// </summary>
internal interface IRouterTextChannel : IAsyncDisposable
{
    /// <summary>Sends one line, adding the line ending the other side expects.</summary>
    /// <exception cref="RouterChannelException">The channel is closed.</exception>
    Task SendLineAsync(string line, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one key with no line ending: 1.3's "Proceed? [confirm]" reads a single key (IO::Prompt <c>-y1</c> in
    /// equuleus vyatta-config-mgmt.pl), so an Enter after it would reach the shell as an empty command.
    /// </summary>
    /// <exception cref="RouterChannelException">The channel is closed.</exception>
    Task SendKeyAsync(char key, CancellationToken cancellationToken);

    /// <summary>The next piece of text the CLI printed, or null once the other side has closed.</summary>
    Task<string?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The connection this channel runs on: <c>show version</c> is read once per connection. An SSH shell shares its
    /// router's reused connection; any other channel is its own connection (a simulator process is a fresh login).
    /// </summary>
    object Connection => this;
}
