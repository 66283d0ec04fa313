using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace NatFunctions.Http;

/// <summary>
/// Ties a response, its problem document and every log line of the request together. A caller-supplied
/// <c>X-Correlation-Id</c> is kept when it is a plain token; anything else is replaced, so it cannot inject into logs.
/// </summary>
public static partial class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    private const string ItemKey = "natfunctions.correlation-id";

    public static string Establish(HttpContext httpContext, string fallback)
    {
        var presented = httpContext.Request.Headers[HeaderName].ToString();
        var id = SafeToken().IsMatch(presented) ? presented : fallback;
        httpContext.Items[ItemKey] = id;
        httpContext.Response.Headers[HeaderName] = id;
        return id;
    }

    public static string? Find(HttpContext httpContext) => httpContext.Items[ItemKey] as string;

    // Anchored and linear over a bounded run: no match timeout, which only ever fired on valid input when the CPU was
    // starved (a RegexMatchTimeoutException answered a valid pool name with a 500 at load 24).
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeToken();
}
