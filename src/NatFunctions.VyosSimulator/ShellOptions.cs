using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator;

/// <summary>Settings of one <c>shell</c> process (one SSH session).</summary>
internal sealed record ShellOptions
{
    public required string StateDirectory { get; init; }

    public VyosRelease Version { get; init; } = VyosRelease.V1_4;

    public string HostName { get; init; } = "vyos";

    public string UserName { get; init; } = Environment.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user : Environment.UserName;

    /// <summary>Length of a commit-confirm "minute" in milliseconds, so tests can watch a revert happen.</summary>
    public int MinuteMilliseconds { get; init; } = 60_000;

    /// <summary>How long a commit-confirm reboot keeps the router down (sessions dropped, logins get nothing).</summary>
    public int RebootMilliseconds { get; init; } = 60_000;

    /// <summary>Faults from the command line; <c>DIR/faults.json</c> overrides them field by field.</summary>
    public FaultSettings Faults { get; init; } = new();

    /// <summary>
    /// A file each session appends its commands to (<c>SESSION-ID TAB LINE</c>), so a load harness can count what the
    /// router really ran (sessions, <c>set</c>s, commits); null writes nothing.
    /// </summary>
    public string? CommandLogPath { get; init; }

    /// <summary>The <c>-c COMMAND</c> sshd passes to a login shell, or null for an interactive session.</summary>
    public string? Command { get; init; }
}
