using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// The router's TLS certificate pinned by the SHA-256 of its DER bytes (<c>Routers:&lt;name&gt;:CertificateSha256</c>),
/// as the SSH host key is pinned. VyOS serves a self-signed certificate unless an operator installs one
/// (sagitta:src/conf_mode/service_https.py), so no chain or name is checked: the pin is the whole trust. It runs in
/// the TLS handshake, before any request byte (and so the API key in the form body) leaves this machine.
/// </summary>
internal sealed class CertificatePin(string expectedSha256Hex)
{
    /// <summary>The certificate the last handshake refused, null after one that matched (fingerprints are not secret).</summary>
    public string? LastRefused { get; private set; }

    public bool Matches(X509Certificate? certificate)
    {
        if (certificate is null) return false;
        var actual = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        var matches = string.Equals(actual, expectedSha256Hex, StringComparison.OrdinalIgnoreCase);
        LastRefused = matches ? null : actual;
        return matches;
    }

    /// <summary>A handler for the router's named client: pinned TLS, no proxy, connect timeout from the settings.</summary>
    public SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        ConnectTimeout = connectTimeout,
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => Matches(certificate),
        },
    };
}
