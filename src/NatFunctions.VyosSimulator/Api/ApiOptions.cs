namespace NatFunctions.VyosSimulator.Api;

/// <summary>Settings of one <c>api</c> process: the HTTPS endpoint, and the router (state, version, faults, log) it serves.</summary>
internal sealed record ApiOptions
{
    public required ShellOptions Router { get; init; }

    public required int Port { get; init; }

    /// <summary>PEM certificate and key files (VyOS's nginx serves a self-signed pair unless one is configured).</summary>
    public required string CertificatePath { get; init; }

    public required string KeyPath { get; init; }
}
