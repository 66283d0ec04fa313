using System.Diagnostics;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>Runs <c>vyos-sim init</c> so a test router starts with a given configuration (e.g. someone else's rules).</summary>
internal static class SimulatorInit
{
    public static async Task RunAsync(string stateDir, string? configCommands)
    {
        Directory.CreateDirectory(stateDir);
        var start = new ProcessStartInfo(VyosSimulatorLocator.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { VyosSimulatorLocator.Find(null)!, "init", "--state-dir", stateDir })
        {
            start.ArgumentList.Add(argument);
        }

        if (configCommands is not null)
        {
            var configFile = Path.Combine(Path.GetTempPath(), "nf-init-" + Guid.NewGuid().ToString("N") + ".config");
            await File.WriteAllTextAsync(configFile, configCommands);
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(configFile);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("vyos-sim init failed: " + error);
    }
}
