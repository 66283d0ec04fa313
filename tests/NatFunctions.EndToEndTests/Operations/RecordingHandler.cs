using System.Collections.Concurrent;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>Keeps every exchange a client makes, so the responses can be checked against the OpenAPI document.</summary>
public sealed class RecordingHandler(ConcurrentQueue<RecordedExchange> exchanges) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        exchanges.Enqueue(new RecordedExchange(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            body));
        return response;
    }
}
