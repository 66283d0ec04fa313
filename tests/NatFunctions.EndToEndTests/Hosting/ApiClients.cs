using System.Collections.Concurrent;
using NatFunctions.EndToEndTests.Operations;

namespace NatFunctions.EndToEndTests.Hosting;

/// <summary>
/// The only way the end-to-end tests build an HttpClient for LocalHost: every one goes through
/// <see cref="ContractCheckingHandler"/>, so every answer any test receives is held to docs/openapi.json.
/// </summary>
public static class ApiClients
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <param name="apiKey">Sent as X-API-Key on every request; null for an anonymous client.</param>
    /// <param name="recorded">Where to keep the exchanges, for a fixture that reads them afterwards.</param>
    public static HttpClient Create(Uri baseAddress, string? apiKey = null, TimeSpan? timeout = null, ConcurrentQueue<RecordedExchange>? recorded = null)
    {
        var client = new HttpClient(new ContractCheckingHandler(recorded)) { BaseAddress = baseAddress, Timeout = timeout ?? DefaultTimeout };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return client;
    }
}
