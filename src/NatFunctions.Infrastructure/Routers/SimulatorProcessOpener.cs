using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// The simulated transport: one <c>dotnet NatFunctions.VyosSimulator.dll shell</c> process per session, sharing the
/// router's state folder, spoken to with exactly the protocol used over SSH.
/// </summary>
internal sealed class SimulatorProcessOpener(RouterSettings settings) : IRouterChannelOpener
{
    public Task<IRouterTextChannel> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var simulator = VyosSimulatorLocator.Find(settings.SimulatorPath)
            ?? throw new RouterChannelException(settings.SimulatorPath is null
                ? $"{VyosSimulatorLocator.AssemblyFileName} was not found next to the app or in the repository build; build src/NatFunctions.VyosSimulator or set Routers:{settings.Name}:SimulatorPath"
                : $"Routers:{settings.Name}:SimulatorPath '{settings.SimulatorPath}' does not hold {VyosSimulatorLocator.AssemblyFileName}");

        Directory.CreateDirectory(settings.StateDir!);
        IReadOnlyList<string> arguments =
        [
            simulator, "shell", "--state-dir", settings.StateDir!, "--version", settings.VyosVersion.ToString(),
        ];
        return Task.FromResult<IRouterTextChannel>(ProcessTextChannel.Start(VyosSimulatorLocator.DotnetHost(), arguments));
    }

    public void Dispose()
    {
        // Each session's process ends with its session; nothing is held between sessions.
    }
}
