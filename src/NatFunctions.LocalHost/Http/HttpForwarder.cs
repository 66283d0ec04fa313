using System.Net;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;

namespace NatFunctions.LocalHost.Http;

/// <summary>
/// Proxies a request to the worker's own Kestrel (the HttpUri capability), tagged with the invocation id so the
/// worker pairs it with the InvocationRequest, and streams the answer back unbuffered.
/// </summary>
internal sealed class HttpForwarder : IDisposable
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly HttpMessageInvoker client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    });

    /// <exception cref="HttpRequestException">The worker could not be reached or broke the connection before answering.</exception>
    /// <exception cref="IOException">The connection broke while the body was streaming.</exception>
    public async Task ForwardAsync(HttpContext context, Uri workerBaseUri, string invocationId, CancellationToken cancellationToken)
    {
        using var outgoing = CreateOutgoing(context, workerBaseUri, invocationId);
        using var response = await client.SendAsync(outgoing, cancellationToken);
        await CopyResponseAsync(response, context, cancellationToken);
    }

    public void Dispose() => client.Dispose();

    private static HttpRequestMessage CreateOutgoing(HttpContext context, Uri workerBaseUri, string invocationId)
    {
        var request = context.Request;
        var relative = UriHelper.BuildRelative(request.PathBase, request.Path, request.QueryString).TrimStart('/');
        var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(workerBaseUri, relative))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (HasBody(context))
        {
            outgoing.Content = new StreamContent(request.Body);
        }

        var hopByHop = HopByHopHeaders.From(request.Headers.Connection);
        foreach (var (name, values) in request.Headers)
        {
            if (hopByHop.Contains(name) || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // The app should see the host name the client used (for links it builds), not the worker's loopback port.
        outgoing.Headers.Host = request.Host.Value;
        outgoing.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        return outgoing;
    }

    private static bool HasBody(HttpContext context)
        => context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0;

    private static async Task CopyResponseAsync(HttpResponseMessage response, HttpContext context, CancellationToken cancellationToken)
    {
        var target = context.Response;
        target.StatusCode = (int)response.StatusCode;
        var hopByHop = HopByHopHeaders.From(string.Join(',', response.Headers.Connection));
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!hopByHop.Contains(name))
            {
                target.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(target.Body, cancellationToken);
    }
}
