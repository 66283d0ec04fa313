using System.Diagnostics;
using System.Text;
using NatFunctions.Core.Vyos;

namespace NatFunctions.IntegrationTests.VyosFidelity;

/// <summary>
/// One VyOS simulator process in configuration mode, driven as a terminal user drives the router: a command on
/// stdin, then everything it printed up to the next <c>[edit]</c> prompt. The simulator shares no code with the
/// product (decision 0018), so it is run as a program, the product's version is passed by its name on the command
/// line and the product's parser reads back what the simulator prints.
/// </summary>
internal sealed class SimulatorConsole : IDisposable
{
    private const string Prompt = "[edit]\nvyos@sim# ";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly string stateDirectory = Directory.CreateTempSubdirectory("nf-sim-console-").FullName;
    private readonly Process process;
    private readonly StringBuilder received = new();
    private readonly SemaphoreSlim arrived = new(0);

    public SimulatorConsole(VyosVersion version)
    {
        Simulator(["init", "--state-dir", this.stateDirectory]).WaitForExit();
        this.process = Simulator(["shell", "--state-dir", this.stateDirectory, "--version", version.ToString(), "--hostname", "sim"]);
        _ = PumpAsync(this.process.StandardOutput);
        _ = PumpAsync(this.process.StandardError);
        Run("configure");
    }

    /// <summary>Runs one line; returns what the simulator printed for it (empty when it accepted it silently).</summary>
    public string Run(string line)
    {
        lock (this.received) this.received.Clear();
        this.process.StandardInput.Write(line + "\n");
        this.process.StandardInput.Flush();
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while (true)
        {
            lock (this.received)
            {
                var text = this.received.ToString();
                var end = text.IndexOf(Prompt, StringComparison.Ordinal);
                if (end >= 0) return text[..end];
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !this.arrived.Wait(left)) throw new TimeoutException($"no prompt after '{line}'; got: {this.received}");
        }
    }

    /// <summary>Drops the working configuration's changes, so the next sample starts from the empty config.</summary>
    public void Discard() => Run("discard");

    /// <summary>The working configuration as config-mode <c>show</c> prints it, read back into the product's tree.</summary>
    public ConfigTree WorkingConfiguration() => ConfigCommandsParser.Parse(Run("show"));

    public void Dispose()
    {
        if (!this.process.HasExited) this.process.Kill();
        this.process.WaitForExit();
        this.process.Dispose();
        this.arrived.Dispose();
        Directory.Delete(this.stateDirectory, recursive: true);
    }

    private static Process Simulator(IEnumerable<string> arguments)
    {
        // Redirected standard streams are UTF-8 without a byte-order mark, which the simulator reads and writes.
        var start = new ProcessStartInfo("dotnet", [BuildOutputs.SimulatorAssembly, .. arguments]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["USER"] = "vyos";
        return Process.Start(start) ?? throw new InvalidOperationException("The simulator did not start.");
    }

    // Character chunks, not lines: the prompt that ends a reply has no newline after it.
    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int count;
        while ((count = await reader.ReadAsync(buffer)) > 0)
        {
            lock (this.received) this.received.Append(buffer, 0, count);
            this.arrived.Release();
        }
    }
}
