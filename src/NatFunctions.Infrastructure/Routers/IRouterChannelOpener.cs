namespace NatFunctions.Infrastructure.Routers;

/// <summary>Opens a fresh CLI shell on a router: an SSH shell on the router's reused connection, or a simulator process.</summary>
internal interface IRouterChannelOpener : IDisposable
{
    /// <exception cref="HostKeyRejectedException">The host key did not match the pin.</exception>
    /// <exception cref="RouterChannelException">The shell could not be opened (for a read: also no free channel in time).</exception>
    Task<IRouterTextChannel> OpenAsync(CancellationToken cancellationToken, RouterChannelUse use = RouterChannelUse.Read);
}
