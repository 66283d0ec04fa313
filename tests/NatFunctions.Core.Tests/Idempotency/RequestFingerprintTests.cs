using System.Security.Cryptography;
using System.Text;
using NatFunctions.Core.Idempotency;

namespace NatFunctions.Core.Tests.Idempotency;

public sealed class RequestFingerprintTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"vm_name":"web-1"}""");

    [Fact]
    public void Is_the_sha256_of_method_path_and_body_in_lower_case_hex()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("POST\n/v1/vms/provision\n"), .. Body]));

        Assert.Equal(expected, RequestFingerprint.Compute("POST", "/v1/vms/provision", Body));
        Assert.Equal(64, expected.Length);
    }

    [Fact]
    public void The_same_request_gives_the_same_fingerprint_whatever_the_method_case()
    {
        Assert.Equal(RequestFingerprint.Compute("POST", "/v1/vms/provision", Body), RequestFingerprint.Compute("post", "/v1/vms/provision", Body));
    }

    [Fact]
    public void Method_path_and_every_body_byte_count()
    {
        var original = RequestFingerprint.Compute("POST", "/v1/vms/provision", Body);
        var reformatted = Encoding.UTF8.GetBytes("""{ "vm_name": "web-1" }""");

        Assert.NotEqual(original, RequestFingerprint.Compute("PUT", "/v1/vms/provision", Body));
        Assert.NotEqual(original, RequestFingerprint.Compute("POST", "/v1/vms/web-1/ports/ssh", Body));
        Assert.NotEqual(original, RequestFingerprint.Compute("POST", "/v1/vms/provision", reformatted));
    }

    [Fact]
    public void Moving_bytes_between_path_and_body_changes_the_fingerprint()
    {
        Assert.NotEqual(
            RequestFingerprint.Compute("POST", "/a", Encoding.UTF8.GetBytes("b{}")),
            RequestFingerprint.Compute("POST", "/ab", Encoding.UTF8.GetBytes("{}")));
    }
}
