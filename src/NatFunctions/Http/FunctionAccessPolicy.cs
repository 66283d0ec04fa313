using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Core.Domain;

namespace NatFunctions.Http;

/// <summary>Reads the access attributes of a function's method once and remembers them.</summary>
public static class FunctionAccessPolicy
{
    private static readonly ConcurrentDictionary<string, FunctionAccess> Cache = new(StringComparer.Ordinal);

    public static FunctionAccess For(FunctionDefinition definition) =>
        Cache.GetOrAdd(definition.EntryPoint, entryPoint => Resolve(entryPoint));

    public static FunctionAccess Resolve(MethodInfo method)
    {
        if (method.GetCustomAttribute<AnonymousAttribute>() is not null)
        {
            return FunctionAccess.Anonymous;
        }

        return method.GetCustomAttribute<RequiresRoleAttribute>() is { } required
            ? FunctionAccess.Requiring(required.Role)
            : FunctionAccess.Undeclared;
    }

    private static FunctionAccess Resolve(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionAccessPolicy).Assembly.GetType(entryPoint[..split]);
        var method = type?.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        return method is null ? FunctionAccess.Undeclared : Resolve(method);
    }
}
