using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers;

/// <summary>
/// One router as configured under <c>Routers:&lt;name&gt;:</c> (environment <c>Routers__&lt;name&gt;__Transport</c> …).
/// Secrets (<see cref="PrivateKey"/>, <see cref="Password"/>) hold the secret text itself; in Azure the app setting is a
/// Key Vault reference that the platform resolves, so the app never sees a vault URI. Built by <see cref="RouterSettingsLoader"/>.
/// </summary>
public sealed record RouterSettings
{
    public const string DefaultRouterName = "local";
    public const string DefaultMarker = "nf";
    public const string DefaultInboundInterface = "eth0";
    public static readonly RuleNumberRange DefaultManagedRules = new(10000, 19999);

    public required string Name { get; init; }

    public required RouterTransport Transport { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; } = 22;

    public string? Username { get; init; }

    /// <summary>OpenSSH or PEM private key text (not a path).</summary>
    public string? PrivateKey { get; init; }

    public string? PrivateKeyPassphrase { get; init; }

    public string? Password { get; init; }

    /// <summary>Pinned host key fingerprint: base64 SHA-256 without the <c>SHA256:</c> prefix, as <c>ssh-keygen -lf</c> prints it.</summary>
    public string? HostKeySha256 { get; init; }

    /// <summary>
    /// http-api: the key VyOS checks in the form field <c>key</c> (<c>set service https api keys id X key KEY</c>); in
    /// Azure a Key Vault reference. Sent only after the certificate matched <see cref="CertificateSha256"/>.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// http-api: pinned SHA-256 of the router's TLS certificate (DER), 64 hex digits, as
    /// <c>openssl x509 -noout -fingerprint -sha256</c> prints it (colons and case ignored, stored upper-case without them).
    /// </summary>
    public string? CertificateSha256 { get; init; }

    /// <summary>Setting <c>1.3</c>, <c>1.4</c> (default) or <c>1.5</c>; selects command syntax and expected texts.</summary>
    public VyosVersion VyosVersion { get; init; } = VyosVersion.V1_4;

    public string InboundInterface { get; init; } = DefaultInboundInterface;

    public RuleNumberRange ManagedRules { get; init; } = DefaultManagedRules;

    /// <summary>Ownership marker: rule descriptions start with <c>&lt;marker&gt;:</c>, DHCP mappings with <c>&lt;marker&gt;-</c>.</summary>
    public string Marker { get; init; } = DefaultMarker;

    public string? DhcpSharedNetwork { get; init; }

    public string? DhcpSubnet { get; init; }

    /// <summary>0 = plain <c>commit</c>; otherwise <c>commit-confirm N</c>, read back, <c>confirm</c>.</summary>
    public int CommitConfirmMinutes { get; init; }

    public bool SaveAfterCommit { get; init; } = true;

    /// <summary>Simulated transport: the simulator's state folder.</summary>
    public string? StateDir { get; init; }

    /// <summary>Simulated transport: path of <c>NatFunctions.VyosSimulator.dll</c>; found automatically when empty.</summary>
    public string? SimulatorPath { get; init; }

    public int ConnectTimeoutSeconds { get; init; } = 15;

    /// <summary>Longest wait for one command's prompt; a commit on a busy router can take tens of seconds.</summary>
    public int CommandTimeoutSeconds { get; init; } = 120;

    /// <summary>
    /// Most SSH channels (shells) open at once on the router's one connection; one of them is kept for the configure
    /// session, reads share the rest and wait for a free one at most <see cref="ConnectTimeout"/>. Keep it at or below
    /// the router's sshd <c>MaxSessions</c> (OpenSSH default 10), or sshd refuses the channels above it.
    /// </summary>
    public int MaxChannels { get; init; } = 6;

    /// <summary>
    /// Seconds between SSH keep-alives on the reused connection (0 = none). Azure's load balancer and NAT drop a flow
    /// that was idle for 4 minutes without telling either side, so this stays well below 240.
    /// </summary>
    public int KeepAliveSeconds { get; init; } = 30;

    /// <summary>
    /// Longest wait for <c>commit</c>/<c>commit-confirm</c> (and <c>save</c>): the session keeps reading past
    /// <see cref="CommandTimeoutSeconds"/> rather than hang up in the middle of a commit, whose outcome would then be unknown.
    /// </summary>
    public int CommitTimeoutSeconds { get; init; } = 600;

    /// <summary>
    /// Most <c>set</c>/<c>delete</c> lines a configure session types ahead of their prompts (decision 0023): each
    /// line then costs the router's time for it, not a network round trip. 1 = one line per prompt.
    /// </summary>
    public int PipelineWindow { get; init; } = 64;

    public TimeSpan ConnectTimeout => TimeSpan.FromSeconds(ConnectTimeoutSeconds);

    public TimeSpan CommitTimeout => TimeSpan.FromSeconds(Math.Max(CommitTimeoutSeconds, CommandTimeoutSeconds));

    public TimeSpan CommandTimeout => TimeSpan.FromSeconds(CommandTimeoutSeconds);

    /// <summary>Secrets are left out so settings can be logged.</summary>
    /// <summary>The default port of a transport: 22 for ssh, 443 for http-api.</summary>
    public static int DefaultPort(RouterTransport transport) => transport == RouterTransport.HttpApi ? 443 : 22;

    public override string ToString() =>
        $"{Name} ({Transport}, {Username}@{Host}:{Port}, VyOS {VyosVersion}, rules {ManagedRules}, marker {Marker})";
}
