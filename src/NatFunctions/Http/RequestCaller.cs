using Microsoft.AspNetCore.Http;
using NatFunctions.Core.Auth;

namespace NatFunctions.Http;

/// <summary>The authenticated caller of the current request, put there by the authorization middleware.</summary>
public static class RequestCaller
{
    private const string ItemKey = "natfunctions.caller";

    public static void Set(HttpContext httpContext, Caller caller) => httpContext.Items[ItemKey] = caller;

    public static Caller? Find(HttpContext httpContext) => httpContext.Items[ItemKey] as Caller;

    public static Caller Get(HttpRequest request) =>
        Find(request.HttpContext) ?? throw new InvalidOperationException("The function ran without an authenticated caller.");
}
