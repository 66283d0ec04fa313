namespace NatFunctions.Core.Routers;

/// <summary>Gives the configured routers by name (settings <c>Routers:&lt;name&gt;:…</c>).</summary>
public interface IRouterClientFactory
{
    IReadOnlyList<string> RouterNames { get; }

    /// <exception cref="KeyNotFoundException">No router of that name is configured.</exception>
    IRouterClient Get(string routerName);
}
