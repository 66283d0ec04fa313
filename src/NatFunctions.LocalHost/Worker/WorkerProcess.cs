using System.Diagnostics;

namespace NatFunctions.LocalHost.Worker;

/// <summary>The worker as a child process, its stdout and stderr shown in this host's console.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process) => this.process = process;

    /// <summary>Completes with the exit code when the worker ends, for whatever reason.</summary>
    public Task<int> Exited => exited.Task;

    public int Id => process.Id;

    public static WorkerProcess Start(WorkerStartInfo startInfo, ILogger logger)
    {
        var processStart = new ProcessStartInfo(startInfo.Config.ExecutablePath)
        {
            WorkingDirectory = startInfo.AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        processStart.ArgumentList.Add(startInfo.Config.WorkerPath);
        foreach (var (name, value) in startInfo.Environment())
        {
            processStart.Environment[name] = value;
        }

        var process = new Process { StartInfo = processStart, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, line) => Relay(logger, LogLevel.Information, line.Data);
        process.ErrorDataReceived += (_, line) => Relay(logger, LogLevel.Warning, line.Data);
        process.Exited += (_, _) => worker.exited.TrySetResult(process.ExitCode);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits up to <paramref name="grace"/> for the worker to exit by itself, then kills its process tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            Kill();
            await Exited;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exited.IsCompleted)
        {
            Kill();
            await Exited;
        }

        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void Relay(ILogger logger, LogLevel level, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            logger.Log(level, "{Line}", line);
        }
    }
}
