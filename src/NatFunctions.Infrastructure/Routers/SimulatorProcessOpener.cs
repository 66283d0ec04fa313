using System.Diagnostics;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// The simulated transport: one <c>dotnet NatFunctions.VyosSimulator.dll shell</c> process per session, sharing the
/// router's state folder, spoken to with exactly the protocol used over SSH. An empty or missing state folder is
/// initialised first (<c>init</c>), so a fresh local run needs no setup; a folder with state is never overwritten.
/// </summary>
internal sealed class SimulatorProcessOpener(RouterSettings settings) : IRouterChannelOpener
{
    private readonly SemaphoreSlim initialisation = new(1, 1);

    public async Task<IRouterTextChannel> OpenAsync(CancellationToken cancellationToken, RouterChannelUse use = RouterChannelUse.Read)
    {
        var simulator = VyosSimulatorLocator.Find(settings.SimulatorPath)
            ?? throw new RouterChannelException(settings.SimulatorPath is null
                ? $"{VyosSimulatorLocator.AssemblyFileName} was not found next to the app or in the repository build; build src/NatFunctions.VyosSimulator or set Routers:{settings.Name}:SimulatorPath"
                : $"Routers:{settings.Name}:SimulatorPath '{settings.SimulatorPath}' does not hold {VyosSimulatorLocator.AssemblyFileName}");

        await InitialiseIfEmptyAsync(simulator, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> arguments =
        [
            simulator, "shell", "--state-dir", settings.StateDir!, "--version", settings.VyosVersion.ToString(),
        ];
        return ProcessTextChannel.Start(VyosSimulatorLocator.DotnetHost(), arguments);
    }

    public void Dispose() => initialisation.Dispose();

    private async Task InitialiseIfEmptyAsync(string simulator, CancellationToken cancellationToken)
    {
        await initialisation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stateDir = settings.StateDir!;
            if (Directory.Exists(stateDir) && Directory.EnumerateFileSystemEntries(stateDir).Any())
            {
                return;
            }

            Directory.CreateDirectory(stateDir);
            var startInfo = new ProcessStartInfo(VyosSimulatorLocator.DotnetHost())
            {
                ArgumentList = { simulator, "init", "--state-dir", stateDir },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string? configFile = null;
            if (SimulatedRouterInitialConfig.For(settings) is { Length: > 0 } initialConfig)
            {
                configFile = Path.Combine(Path.GetTempPath(), $"nf-router-{Guid.NewGuid():N}.config");
                await File.WriteAllTextAsync(configFile, initialConfig, cancellationToken).ConfigureAwait(false);
                startInfo.ArgumentList.Add("--config");
                startInfo.ArgumentList.Add(configFile);
            }

            using var process = Process.Start(startInfo) ?? throw new RouterChannelException("could not start the simulator's init");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (configFile is not null) File.Delete(configFile);
            if (process.ExitCode != 0)
            {
                throw new RouterChannelException(
                    $"initialising simulator state in '{stateDir}' failed ({process.ExitCode}): {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
            }
        }
        finally
        {
            initialisation.Release();
        }
    }
}
