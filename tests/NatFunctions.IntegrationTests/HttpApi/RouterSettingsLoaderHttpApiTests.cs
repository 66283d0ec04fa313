using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Routers;

namespace NatFunctions.IntegrationTests.HttpApi;

/// <summary>
/// Settings of an http-api router (decision 0025): the key and the certificate pin are required, the fingerprint is
/// read as openssl prints it, the port defaults to 443, and commit-confirm, which VyOS's API lacks, stops startup.
/// </summary>
public sealed class RouterSettingsLoaderHttpApiTests
{
    private const string Pin = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    [Fact]
    public void An_http_api_router_reads_its_key_and_the_pin_as_openssl_prints_it_on_port_443()
    {
        var router = Assert.Single(Load(new() { ["CertificateSha256"] = "sha256 Fingerprint=" + Pin.ToLowerInvariant() }));

        Assert.Equal(RouterTransport.HttpApi, router.Transport);
        Assert.Equal(443, router.Port);
        Assert.Equal("nf-key-0123456789", router.ApiKey);
        Assert.Equal(Pin.Replace(":", string.Empty, StringComparison.Ordinal), router.CertificateSha256);
    }

    [Fact]
    public void Commit_confirm_on_the_http_api_stops_startup_naming_the_setting()
    {
        var error = Assert.Throws<RouterSettingsException>(() => Load(new() { ["CommitConfirmMinutes"] = "2" }));

        Assert.Contains(error.Errors, message => message.StartsWith("Routers:edge:CommitConfirmMinutes must be 0 for transport http-api", StringComparison.Ordinal)
            && message.Contains("no commit-confirm", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_key_and_a_malformed_pin_stop_startup_each_named()
    {
        var error = Assert.Throws<RouterSettingsException>(() => Load(new() { ["ApiKey"] = null, ["CertificateSha256"] = "not-a-fingerprint" }));

        Assert.Contains(error.Errors, message => message.StartsWith("Routers:edge:ApiKey is required for transport http-api", StringComparison.Ordinal));
        Assert.Contains(error.Errors, message => message.StartsWith("Routers:edge:CertificateSha256 'NOT-A-FINGERPRINT' is not a SHA-256 fingerprint", StringComparison.Ordinal));
    }

    private static IReadOnlyList<RouterSettings> Load(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Transport"] = "http-api",
            ["Host"] = "192.0.2.1",
            ["ApiKey"] = "nf-key-0123456789",
            ["CertificateSha256"] = Pin,
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        return RouterSettingsLoader.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Where(pair => pair.Value is not null).Select(pair => new KeyValuePair<string, string?>("Routers:edge:" + pair.Key, pair.Value)))
            .Build(), Path.GetTempPath());
    }
}
