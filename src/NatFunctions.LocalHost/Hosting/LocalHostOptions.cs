using NatFunctions.LocalHost.Settings;

namespace NatFunctions.LocalHost.Hosting;

/// <summary>What this host runs and how, fixed at start-up.</summary>
internal sealed record LocalHostOptions(string AppDirectory, WorkerConfig Worker, HostJsonSettings HostJson, AppSettings Settings)
{
    /// <summary>Core Tools' port, so clients and docs written for `func start` work unchanged.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan ShutdownGracePeriod = TimeSpan.FromSeconds(5);
}
