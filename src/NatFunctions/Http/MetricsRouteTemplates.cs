using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace NatFunctions.Http;

/// <summary>
/// The route template a function is bound to (its <see cref="HttpTriggerAttribute.Route"/>, with a leading slash, as
/// in the OpenAPI document), read once per function. Metrics use it instead of the request path so that ids and
/// names never become label values.
/// </summary>
public static class MetricsRouteTemplates
{
    public const string Unknown = "unknown";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string For(FunctionDefinition definition) =>
        Cache.GetOrAdd(definition.EntryPoint, entryPoint => Resolve(entryPoint) is { } route ? "/" + route.TrimStart('/') : Unknown);

    private static string? Resolve(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(MetricsRouteTemplates).Assembly.GetType(entryPoint[..split]);
        var method = type?.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        return method?.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .FirstOrDefault(trigger => trigger is not null)?.Route;
    }
}
