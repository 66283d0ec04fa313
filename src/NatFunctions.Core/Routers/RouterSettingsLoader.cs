using System.Globalization;
using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers;

/// <summary>
/// Reads every router under the configuration section <c>Routers</c>. With no router configured it gives one
/// simulated router named <c>local</c> whose state lives under the local data folder the host passes in, so a local
/// run works with no settings at all.
/// </summary>
public static class RouterSettingsLoader
{
    public const string SectionName = "Routers";

    /// <exception cref="RouterSettingsException">Any router is misconfigured; all problems are listed at once.</exception>
    public static IReadOnlyList<RouterSettings> Load(IConfiguration configuration, string localDataFolder)
    {
        var sections = configuration.GetSection(SectionName).GetChildren().ToList();
        if (sections.Count == 0)
        {
            return [DefaultLocalRouter(localDataFolder)];
        }

        var errors = new List<string>();
        var routers = new List<RouterSettings>();
        foreach (var section in sections.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
        {
            var router = Read(section, localDataFolder, errors);
            if (router is null)
            {
                continue;
            }

            errors.AddRange(RouterSettingsValidator.Validate(router));
            routers.Add(router);
        }

        if (errors.Count > 0)
        {
            throw new RouterSettingsException(errors);
        }

        return routers;
    }

    public static string DefaultLocalStateDir(string localDataFolder) => Path.Combine(localDataFolder, "routers", RouterSettings.DefaultRouterName);

    private static RouterSettings DefaultLocalRouter(string localDataFolder) => new()
    {
        Name = RouterSettings.DefaultRouterName,
        Transport = RouterTransport.Simulated,
        StateDir = DefaultLocalStateDir(localDataFolder),
    };

    private static RouterSettings? Read(IConfigurationSection section, string localDataFolder, List<string> errors)
    {
        var name = section.Key;
        var reader = new SettingReader(section, $"{SectionName}:{name}", errors);
        var transport = reader.Transport();
        if (transport is null)
        {
            return null;
        }

        var defaults = new RouterSettings { Name = name, Transport = transport.Value };
        return defaults with
        {
            Host = reader.Text("Host"),
            Port = reader.Integer("Port") ?? RouterSettings.DefaultPort(transport.Value),
            Username = reader.Text("Username"),
            PrivateKey = reader.Text("PrivateKey"),
            PrivateKeyPassphrase = reader.Text("PrivateKeyPassphrase"),
            Password = reader.Text("Password"),
            HostKeySha256 = NormaliseFingerprint(reader.Text("HostKeySha256")),
            ApiKey = reader.Text("ApiKey"),
            CertificateSha256 = NormaliseCertificateFingerprint(reader.Text("CertificateSha256")),
            VyosVersion = reader.Version("VyosVersion") ?? defaults.VyosVersion,
            InboundInterface = reader.Text("InboundInterface") ?? defaults.InboundInterface,
            ManagedRules = reader.Range("ManagedRules") ?? defaults.ManagedRules,
            Marker = reader.Text("Marker") ?? defaults.Marker,
            DhcpSharedNetwork = reader.Text("DhcpSharedNetwork"),
            DhcpSubnet = reader.Text("DhcpSubnet"),
            CommitConfirmMinutes = reader.Integer("CommitConfirmMinutes") ?? defaults.CommitConfirmMinutes,
            SaveAfterCommit = reader.Boolean("SaveAfterCommit") ?? defaults.SaveAfterCommit,
            StateDir = reader.Text("StateDir")
                ?? (transport == RouterTransport.Simulated && name == RouterSettings.DefaultRouterName ? DefaultLocalStateDir(localDataFolder) : null),
            SimulatorPath = reader.Text("SimulatorPath"),
            ConnectTimeoutSeconds = reader.Integer("ConnectTimeoutSeconds") ?? defaults.ConnectTimeoutSeconds,
            CommandTimeoutSeconds = reader.Integer("CommandTimeoutSeconds") ?? defaults.CommandTimeoutSeconds,
            MaxChannels = reader.Integer("MaxChannels") ?? defaults.MaxChannels,
            KeepAliveSeconds = reader.Integer("KeepAliveSeconds") ?? defaults.KeepAliveSeconds,
            CommitTimeoutSeconds = reader.Integer("CommitTimeoutSeconds") ?? defaults.CommitTimeoutSeconds,
            PipelineWindow = reader.Integer("PipelineWindow") ?? defaults.PipelineWindow,
        };
    }

    /// <summary>Operators often paste the fingerprint as ssh prints it; the pin itself is compared exactly.</summary>
    private static string? NormaliseFingerprint(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            trimmed = trimmed["SHA256:".Length..];
        }

        return trimmed.TrimEnd('=');
    }

    /// <summary>openssl prints <c>sha256 Fingerprint=AB:CD:…</c>; the pin is the 64 hex digits, compared upper-case.</summary>
    private static string? NormaliseCertificateFingerprint(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        var equals = trimmed.LastIndexOf('=');
        if (equals >= 0)
        {
            trimmed = trimmed[(equals + 1)..];
        }

        return trimmed.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    private sealed class SettingReader(IConfigurationSection section, string prefix, List<string> errors)
    {
        public string? Text(string key)
        {
            var value = section[key];
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        public RouterTransport? Transport()
        {
            var value = Text("Transport");
            switch (value?.ToLowerInvariant())
            {
                case "ssh":
                    return RouterTransport.Ssh;
                case "http-api":
                    return RouterTransport.HttpApi;
                case "simulated":
                    return RouterTransport.Simulated;
                case null:
                    errors.Add($"{prefix}:Transport is required (ssh, http-api or simulated)");
                    return null;
                default:
                    errors.Add($"{prefix}:Transport '{value}' is not one of ssh, http-api, simulated");
                    return null;
            }
        }

        public int? Integer(string key)
        {
            var value = Text(key);
            if (value is null)
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            errors.Add($"{prefix}:{key} '{value}' is not a whole number");
            return null;
        }

        public bool? Boolean(string key)
        {
            var value = Text(key);
            if (value is null)
            {
                return null;
            }

            if (bool.TryParse(value, out var flag))
            {
                return flag;
            }

            errors.Add($"{prefix}:{key} '{value}' is not true or false");
            return null;
        }

        public VyosVersion? Version(string key)
        {
            var value = Text(key);
            if (value is null)
            {
                return null;
            }

            if (VyosVersion.TryParse(value, out var version))
            {
                return version;
            }

            errors.Add($"{prefix}:{key} '{value}' must be one of {string.Join(", ", VyosVersion.All)}");
            return null;
        }

        public RuleNumberRange? Range(string key)
        {
            var value = Text(key);
            if (value is null)
            {
                return null;
            }

            if (RuleNumberRange.TryParse(value, out var range, out var error))
            {
                return range;
            }

            errors.Add($"{prefix}:{key} {error}");
            return null;
        }
    }
}
