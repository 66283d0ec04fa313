using NatFunctions.LocalHost.Functions;

namespace NatFunctions.LocalHost.Routing;

/// <summary>The outcome of routing a request: a function with its route values, a path that exists only for other
/// methods (405), or nothing (404).</summary>
internal abstract record RouteMatch
{
    public sealed record Found(FunctionDefinition Function, IReadOnlyDictionary<string, string> RouteValues) : RouteMatch;

    public sealed record MethodNotAllowed(IReadOnlyList<string> AllowedMethods) : RouteMatch;

    public sealed record NotFound : RouteMatch;
}
