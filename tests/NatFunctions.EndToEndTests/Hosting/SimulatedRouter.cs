using System.Diagnostics;

namespace NatFunctions.EndToEndTests.Hosting;

/// <summary>
/// Looks at (and breaks) the simulated router behind a LocalHost from the outside, through the simulator's own
/// command line and fault file, the way an operator with console access would.
/// </summary>
public sealed class SimulatedRouter(string stateDirectory, string version = "1.4")
{
    public string StateDirectory { get; } = stateDirectory;

    public async Task<IReadOnlyList<string>> ShowConfigurationCommandsAsync()
    {
        // As on a real VyOS, a non-interactive vbash needs script-template, and op commands need `run`.
        var output = await RunAsync("source /opt/vyatta/etc/functions/script-template\nrun show configuration commands");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("set ", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Writes the simulator's fault file, e.g. <c>{"failCommit":"..."}</c>; null removes it.</summary>
    public async Task SetFaultsAsync(string? json)
    {
        var path = Path.Combine(StateDirectory, "faults.json");
        if (json is null)
        {
            File.Delete(path);
            return;
        }

        await File.WriteAllTextAsync(path, json);
    }

    private async Task<string> RunAsync(string command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { BuildOutputs.SimulatorAssembly, "shell", "--state-dir", StateDirectory, "--version", version, "-c", command })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
