using NatFunctions.LocalHost.Routing;
using NatFunctions.LocalHost.Timers;

namespace NatFunctions.LocalHost.Functions;

/// <summary>The worker's functions after a successful handshake.</summary>
/// <param name="WorkerHttpUri">Where the worker's ASP.NET Core integration listens (its HttpUri capability).</param>
internal sealed record LoadedFunctionApp(IReadOnlyList<FunctionDefinition> Functions, Uri? WorkerHttpUri, RouteTable Routes, IReadOnlyList<ScheduledTimer> Timers);
