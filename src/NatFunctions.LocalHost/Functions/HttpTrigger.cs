using NatFunctions.LocalHost.Routing;

namespace NatFunctions.LocalHost.Functions;

/// <param name="BindingName">The trigger parameter's name; the invocation carries the request under it.</param>
/// <param name="Methods">Upper-case methods the function accepts; empty means every method.</param>
/// <param name="AuthLevel">Recorded for display only: the app checks its own API keys, so this host does not
/// demand function keys the way the Azure host does for Function/Admin levels.</param>
internal sealed record HttpTrigger(string BindingName, RouteTemplate Route, IReadOnlySet<string> Methods, string AuthLevel)
{
    public bool Allows(string method) => Methods.Count == 0 || Methods.Contains(method);
}
