using System.Diagnostics;
using System.Text;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>A running <c>NatFunctions.VyosSimulator</c> process, driven over stdin/stdout/stderr.</summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan OutputTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The simulator this project references: the build copies it (and its runtimeconfig) next to the tests.</summary>
    private static readonly string SimulatorAssembly = Path.Combine(AppContext.BaseDirectory, "NatFunctions.VyosSimulator.dll");

    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Task stdoutPump;
    private readonly Task stderrPump;

    private SimulatorProcess(Process process)
    {
        this.process = process;
        this.stdoutPump = PumpAsync(process.StandardOutput, this.stdout);
        this.stderrPump = PumpAsync(process.StandardError, this.stderr);
    }

    public string Stdout
    {
        get { lock (this.stdout) return this.stdout.ToString(); }
    }

    public string Stderr
    {
        get { lock (this.stderr) return this.stderr.ToString(); }
    }

    public static SimulatorProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(SimulatorAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["USER"] = "vyos";
        return new SimulatorProcess(Process.Start(start) ?? throw new InvalidOperationException("The simulator did not start."));
    }

    /// <summary>Runs the simulator to completion with <paramref name="stdin"/> as its whole input.</summary>
    public static async Task<SimulatorResult> RunAsync(string stdin, CancellationToken cancellationToken, params string[] arguments)
    {
        await using var process = Start(arguments);
        await process.SendAsync(stdin, cancellationToken);
        process.CloseInput();
        var exitCode = await process.WaitForExitAsync(cancellationToken);
        return new SimulatorResult(exitCode, process.Stdout, process.Stderr);
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await this.process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
        await this.process.StandardInput.FlushAsync(cancellationToken);
    }

    public void CloseInput() => this.process.StandardInput.Close();

    /// <summary>Waits until stdout contains <paramref name="text"/> <paramref name="occurrences"/> times.</summary>
    public async Task WaitForStdoutAsync(string text, CancellationToken cancellationToken, int occurrences = 1)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OutputTimeout);
        while (Count(Stdout, text) < occurrences)
        {
            if (this.process.HasExited && this.stdoutPump.IsCompleted && Count(Stdout, text) < occurrences)
            {
                throw new InvalidOperationException($"The simulator exited without printing '{text}'. Stdout:\n{Stdout}\nStderr:\n{Stderr}");
            }

            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No '{text}' after {OutputTimeout}. Stdout:\n{Stdout}\nStderr:\n{Stderr}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OutputTimeout);
        await this.process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(this.stdoutPump, this.stderrPump);
        return this.process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }

        this.process.Dispose();
    }

    private static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var index = haystack.IndexOf(needle, StringComparison.Ordinal); index >= 0; index = haystack.IndexOf(needle, index + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder target)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (target) target.Append(buffer, 0, read);
        }
    }

    // Not the product's VyosSimulatorLocator: the simulator and its tests share no code with the product (decision 0018).
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
