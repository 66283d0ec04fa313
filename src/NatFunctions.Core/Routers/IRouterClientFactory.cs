namespace NatFunctions.Core.Routers;

/// <summary>Gives the configured routers by name (settings <c>Routers:&lt;name&gt;:…</c>).</summary>
public interface IRouterClientFactory
{
    IReadOnlyList<string> RouterNames { get; }

    IRouterClient Get(string routerName);
}
