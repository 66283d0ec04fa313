using NatFunctions.LocalHost.Functions;

namespace NatFunctions.LocalHost.Routing;

/// <summary>
/// Routes requests to HTTP-triggered functions as the Functions host does: case-insensitive, literal segments before
/// parameters, and only among the functions that accept the request's method.
/// </summary>
internal sealed class RouteTable
{
    private static readonly string[] AllMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];
    private readonly IReadOnlyList<FunctionDefinition> routedFunctions;

    public RouteTable(IEnumerable<FunctionDefinition> functions)
    {
        var httpFunctions = functions.Where(function => function.Http is not null).ToList();
        httpFunctions.Sort((left, right) =>
        {
            var precedence = left.Http!.Route.ComparePrecedence(right.Http!.Route);
            return precedence != 0 ? precedence : string.CompareOrdinal(left.Name, right.Name);
        });
        routedFunctions = httpFunctions;
    }

    public RouteMatch Match(string method, string path)
    {
        var segments = SplitPath(path);
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var function in routedFunctions)
        {
            var values = function.Http!.Route.Match(segments);
            if (values is null)
            {
                continue;
            }

            if (function.Http.Allows(method))
            {
                return new RouteMatch.Found(function, values);
            }

            allowed.UnionWith(function.Http.Methods.Count == 0 ? AllMethods : function.Http.Methods);
        }

        return allowed.Count > 0 ? new RouteMatch.MethodNotAllowed([.. allowed]) : new RouteMatch.NotFound();
    }

    private static List<string> SplitPath(string path)
    {
        var trimmed = path.StartsWith('/') ? path[1..] : path;
        trimmed = trimmed.EndsWith('/') ? trimmed[..^1] : trimmed;
        return trimmed.Length == 0 ? [] : [.. trimmed.Split('/')];
    }
}
