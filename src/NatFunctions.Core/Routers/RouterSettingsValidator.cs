using System.Net;
using System.Text.RegularExpressions;

namespace NatFunctions.Core.Routers;

/// <summary>Checks one router's settings; every message starts with the setting key so an operator knows what to fix.</summary>
public static partial class RouterSettingsValidator
{
    public static IReadOnlyList<string> Validate(RouterSettings settings)
    {
        var errors = new List<string>();
        var key = $"Routers:{settings.Name}";

        if (!RouterNamePattern().IsMatch(settings.Name))
        {
            errors.Add($"{key}: the router name must be letters, digits, '-' or '_' (at most 63)");
        }

        if (settings.Transport == RouterTransport.Ssh)
        {
            ValidateSsh(settings, key, errors);
        }

        if (settings.Transport == RouterTransport.HttpApi)
        {
            ValidateHttpApi(settings, key, errors);
        }

        if (settings.Port is < 1 or > 65535)
        {
            errors.Add($"{key}:Port must be 1-65535, got {settings.Port}");
        }

        if (!InterfacePattern().IsMatch(settings.InboundInterface))
        {
            errors.Add($"{key}:InboundInterface '{settings.InboundInterface}' is not an interface name (e.g. eth0, pppoe0, eth1.20)");
        }

        if (!MarkerPattern().IsMatch(settings.Marker))
        {
            errors.Add($"{key}:Marker '{settings.Marker}' must be a lower-case letter followed by up to 15 lower-case letters or digits");
        }

        ValidateDhcp(settings, key, errors);

        if (settings.CommitConfirmMinutes is < 0 or > 1440)
        {
            errors.Add($"{key}:CommitConfirmMinutes must be 0 (off) to 1440, got {settings.CommitConfirmMinutes}");
        }

        if (settings.ConnectTimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{key}:ConnectTimeoutSeconds must be 1-600, got {settings.ConnectTimeoutSeconds}");
        }

        if (settings.CommandTimeoutSeconds is < 1 or > 3600)
        {
            errors.Add($"{key}:CommandTimeoutSeconds must be 1-3600, got {settings.CommandTimeoutSeconds}");
        }

        if (settings.MaxChannels is < 2 or > 64)
        {
            errors.Add($"{key}:MaxChannels must be 2-64 (one channel is kept for the configure session), got {settings.MaxChannels}");
        }

        if (settings.PipelineWindow is < 1 or > 256)
        {
            errors.Add($"{key}:PipelineWindow must be 1 (one line per prompt) to 256, got {settings.PipelineWindow}");
        }

        // Azure drops a flow idle for 240 s; a keep-alive at or above that keeps nothing alive.
        if (settings.KeepAliveSeconds is < 0 or >= 240)
        {
            errors.Add($"{key}:KeepAliveSeconds must be 0 (off) to 239 (Azure drops connections idle for 4 minutes), got {settings.KeepAliveSeconds}");
        }

        if (settings.CommitTimeoutSeconds < settings.CommandTimeoutSeconds || settings.CommitTimeoutSeconds > 7200)
        {
            errors.Add($"{key}:CommitTimeoutSeconds must be at least CommandTimeoutSeconds ({settings.CommandTimeoutSeconds}) and at most 7200, got {settings.CommitTimeoutSeconds}");
        }

        if (settings.Transport == RouterTransport.Simulated && string.IsNullOrWhiteSpace(settings.StateDir))
        {
            errors.Add($"{key}:StateDir is required for transport simulated");
        }

        return errors;
    }

    private static void ValidateSsh(RouterSettings settings, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            errors.Add($"{key}:Host is required for transport ssh");
        }

        if (string.IsNullOrWhiteSpace(settings.Username))
        {
            errors.Add($"{key}:Username is required for transport ssh");
        }

        if (string.IsNullOrWhiteSpace(settings.PrivateKey) && string.IsNullOrEmpty(settings.Password))
        {
            errors.Add($"{key}: transport ssh needs a credential: PrivateKey (the key text) or Password");
        }

        if (string.IsNullOrWhiteSpace(settings.HostKeySha256))
        {
            errors.Add($"{key}:HostKeySha256 is required for transport ssh (the router's host key fingerprint, `ssh-keygen -lf <key>.pub` without 'SHA256:')");
        }
        else if (!IsSha256Fingerprint(settings.HostKeySha256))
        {
            errors.Add($"{key}:HostKeySha256 '{settings.HostKeySha256}' is not a SHA-256 fingerprint (43 base64 characters, as `ssh-keygen -lf` prints after 'SHA256:')");
        }
    }

    private static void ValidateHttpApi(RouterSettings settings, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            errors.Add($"{key}:Host is required for transport http-api");
        }

        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            errors.Add($"{key}:ApiKey is required for transport http-api (a key of 'service https api keys id <id> key <key>' on the router)");
        }

        if (string.IsNullOrWhiteSpace(settings.CertificateSha256))
        {
            errors.Add($"{key}:CertificateSha256 is required for transport http-api (the router's certificate fingerprint, `openssl x509 -noout -fingerprint -sha256 -in <cert>`)");
        }
        else if (!CertificatePinPattern().IsMatch(settings.CertificateSha256))
        {
            errors.Add($"{key}:CertificateSha256 '{settings.CertificateSha256}' is not a SHA-256 fingerprint (64 hex digits, colons allowed)");
        }

        // VyOS's /configure has no confirm_time and no {"op": "confirm"} in equuleus, sagitta, circinus (nor current)
        // as mirrored: equuleus/sagitta/circinus:src/services/vyos-http-api-server _configure_op, current:
        // src/services/api/rest/routers.py _configure_op commit straight away (T3955 is in none of them). An API commit
        // cannot be confirmed, so commit-confirm is refused rather than silently dropped (decision 0025).
        if (settings.CommitConfirmMinutes > 0)
        {
            errors.Add($"{key}:CommitConfirmMinutes must be 0 for transport http-api: VyOS {settings.VyosVersion}'s HTTP API has no commit-confirm (no confirm_time on /configure); use transport ssh for commit-confirm");
        }
    }

    private static void ValidateDhcp(RouterSettings settings, string key, List<string> errors)
    {
        var hasNetwork = !string.IsNullOrWhiteSpace(settings.DhcpSharedNetwork);
        var hasSubnet = !string.IsNullOrWhiteSpace(settings.DhcpSubnet);
        if (hasNetwork != hasSubnet)
        {
            errors.Add($"{key}: DhcpSharedNetwork and DhcpSubnet go together; set both or neither");
        }

        if (hasNetwork && !DhcpNamePattern().IsMatch(settings.DhcpSharedNetwork!))
        {
            errors.Add($"{key}:DhcpSharedNetwork '{settings.DhcpSharedNetwork}' may only hold letters, digits, '.', '-' and '_'");
        }

        if (hasSubnet
            && (!IPNetwork.TryParse(settings.DhcpSubnet, out var subnet)
                || subnet.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
                || !settings.DhcpSubnet!.Contains('/')))
        {
            errors.Add($"{key}:DhcpSubnet '{settings.DhcpSubnet}' is not an IPv4 network in CIDR form (e.g. 192.168.64.0/24)");
        }
    }

    private static bool IsSha256Fingerprint(string value)
    {
        if (value.Length != 43)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[33];
        return Convert.TryFromBase64String(value + "=", digest, out var written) && written == 32;
    }

    [GeneratedRegex(@"^[0-9A-F]{64}\z")]
    private static partial Regex CertificatePinPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,63}\z")]
    private static partial Regex RouterNamePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9]{0,15}\z")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^[a-z]+[0-9]+(\.[0-9]+)?\z")]
    private static partial Regex InterfacePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex DhcpNamePattern();
}
