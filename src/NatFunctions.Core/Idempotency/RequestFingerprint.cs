using System.Security.Cryptography;
using System.Text;

namespace NatFunctions.Core.Idempotency;

/// <summary>
/// SHA-256 over method, path and the exact body bytes (lower-case hex). Two requests with the same key are "the same
/// request" only if this matches; the body is hashed as sent, so a client must resend it byte for byte.
/// </summary>
public static class RequestFingerprint
{
    public static string Compute(string method, string path, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // A separator that cannot occur in a method or a path keeps "POST /a" + "b…" apart from "POST /ab" + "…".
        hash.AppendData(Encoding.UTF8.GetBytes(method.ToUpperInvariant() + "\n" + path + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
