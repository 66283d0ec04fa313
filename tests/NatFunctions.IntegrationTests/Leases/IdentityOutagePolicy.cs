using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace NatFunctions.IntegrationTests.Leases;

/// <summary>
/// A managed-identity outage in the storage client's own pipeline: while <see cref="Failing"/> is set, every lease
/// renewal and release throws <see cref="AuthenticationFailedException"/>, as a token credential does when the identity
/// endpoint is down. The lease and Azurite stay real; only the token fetch fails.
/// </summary>
internal sealed class IdentityOutagePolicy : HttpPipelinePolicy
{
    public volatile bool Failing;

    public int Refused;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowWhenFailing(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowWhenFailing(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void ThrowWhenFailing(HttpMessage message)
    {
        if (!Failing || !message.Request.Headers.TryGetValue("x-ms-lease-action", out var action) || action is not ("renew" or "release")) return;
        Interlocked.Increment(ref Refused);
        throw new AuthenticationFailedException("ManagedIdentityCredential authentication failed: the identity endpoint did not answer (test outage)");
    }
}
