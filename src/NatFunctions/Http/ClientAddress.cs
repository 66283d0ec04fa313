using System.Net;
using Microsoft.AspNetCore.Http;

namespace NatFunctions.Http;

/// <summary>
/// The address a request came from, for the per-address limit of failed authentication and anonymous calls. In Azure
/// the worker is reached through App Service's front end and the Functions host, so the connection itself comes from
/// a proxy on loopback; then the client is the last <c>X-Forwarded-For</c> entry, the one the nearest proxy added
/// (earlier entries are whatever the client wrote). A connection from anywhere else is the client itself.
/// </summary>
public static class ClientAddress
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    public static string Of(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var remote = httpContext.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
        {
            return remote.ToString();
        }

        var forwarded = httpContext.Request.Headers[ForwardedForHeader];
        var last = forwarded.Count == 0 ? null : forwarded[^1]?.Split(',')[^1].Trim();
        if (last is not null && (IPEndPoint.TryParse(last, out var endpoint) || IPEndPoint.TryParse(last.Trim('[', ']'), out endpoint)))
        {
            return endpoint.Address.ToString();
        }

        return remote?.ToString() ?? "unknown";
    }
}
