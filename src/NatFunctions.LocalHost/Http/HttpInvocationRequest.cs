using Microsoft.AspNetCore.Http.Extensions;
using NatFunctions.LocalHost.Functions;

namespace NatFunctions.LocalHost.Http;

internal static class HttpInvocationRequest
{
    /// <summary>
    /// The invocation half of an HTTP call under ASP.NET Core integration: the request's shape without its body (the
    /// body travels on the forwarded HTTP request), and the route values as trigger metadata, which the worker
    /// binds route parameters from.
    /// </summary>
    public static InvocationRequest Create(string invocationId, FunctionDefinition function, HttpRequest request, IReadOnlyDictionary<string, string> routeValues)
    {
        var http = new RpcHttp { Method = request.Method, Url = request.GetDisplayUrl() };
        foreach (var (name, value) in request.Headers)
        {
            http.Headers[name.ToLowerInvariant()] = value.ToString();
        }

        foreach (var (name, value) in request.Query)
        {
            http.Query[name] = value.ToString();
        }

        foreach (var (name, value) in routeValues)
        {
            http.Params[name] = value;
        }

        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.Id,
            TraceContext = new RpcTraceContext { TraceParent = request.Headers.TryGetValue("traceparent", out var parent) ? parent.ToString() : string.Empty },
            InputData = { new ParameterBinding { Name = function.Http!.BindingName, Data = new TypedData { Http = http } } },
        };
        foreach (var (name, value) in routeValues)
        {
            invocation.TriggerMetadata[name] = new TypedData { String = value };
        }

        return invocation;
    }
}
