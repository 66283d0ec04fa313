using System.Collections.Concurrent;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>
/// The handler under every HttpClient the end-to-end tests point at LocalHost (see <see cref="Hosting.ApiClients"/>):
/// it checks each response against docs/openapi.json and throws <see cref="OpenApiContractViolationException"/>
/// when it does not fit, so a contract break fails the very call (and test) that met it. Exchanges are also handed
/// to <paramref name="recorded"/> when a fixture wants to read them afterwards.
/// </summary>
public sealed class ContractCheckingHandler(ConcurrentQueue<RecordedExchange>? recorded = null) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read before sending: it buffers the content, so it is still there to send.
        var requestBody = request.Content?.Headers.ContentType?.MediaType == "application/json"
            ? await request.Content.ReadAsStringAsync(cancellationToken)
            : null;
        var response = await base.SendAsync(request, cancellationToken);
        // Buffers the content, so the caller can still read it.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase);
        var exchange = new RecordedExchange(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            body,
            headers) { RequestBody = requestBody };
        recorded?.Enqueue(exchange);

        var problems = OpenApiContract.Shared.Check(exchange);
        if (problems.Count > 0)
        {
            response.Dispose();
            throw new OpenApiContractViolationException(request.RequestUri.PathAndQuery, exchange, problems);
        }

        return response;
    }
}
