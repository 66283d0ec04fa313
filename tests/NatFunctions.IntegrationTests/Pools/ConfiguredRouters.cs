using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Pools;

/// <summary>
/// The real router factory with two simulated routers. Pool administration only reads their names, so no simulator
/// process is ever started; the second name has upper case to prove the configured spelling is what gets stored.
/// </summary>
public static class ConfiguredRouters
{
    public const string First = "edge-1";
    public const string Second = "Edge_2";

    public static RouterClientFactory Create() => new(
        [Simulated(First), Simulated(Second)],
        NullLoggerFactory.Instance,
        TimeProvider.System);

    private static RouterSettings Simulated(string name) => new()
    {
        Name = name,
        Transport = RouterTransport.Simulated,
        StateDir = Path.Combine(Path.GetTempPath(), "nf-tests", "unused-router-state", name),
    };
}
