namespace NatFunctions.Infrastructure.Routers;

/// <summary>How an HTTP API request failed without an answer.</summary>
internal enum VyosApiFailure
{
    /// <summary>No connection (refused, unreachable, TLS failed for another reason): nothing was sent.</summary>
    NotConnected,

    /// <summary>The certificate did not match the pin: the handshake stopped, nothing (no key) was sent.</summary>
    UntrustedCertificate,

    /// <summary>The request went out but no answer came (timeout, connection lost): it may have been carried out.</summary>
    AnswerLost,
}
