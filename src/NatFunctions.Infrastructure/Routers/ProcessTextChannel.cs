using System.Diagnostics;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// A CLI process on this machine (the VyOS simulator) spoken to over stdin/stdout. On Unix the process is started
/// through <c>/bin/sh … 2&gt;&amp;1</c> so error text and prompts arrive in one ordered stream, as on a terminal;
/// two separate pipes could deliver a prompt before the error printed ahead of it.
/// </summary>
internal sealed class ProcessTextChannel : IRouterTextChannel
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly TextChannelPump pump = new();
    private readonly Task[] readers;

    private ProcessTextChannel(Process process)
    {
        this.process = process;
        readers = process.StartInfo.RedirectStandardError
            ? [PumpAsync(process.StandardOutput), PumpAsync(process.StandardError)]
            : [PumpAsync(process.StandardOutput)];
        _ = Task.WhenAll(readers).ContinueWith(_ => pump.Complete(), TaskScheduler.Default);
    }

    public static ProcessTextChannel Start(string executable, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        if (OperatingSystem.IsWindows())
        {
            startInfo.FileName = executable;
            startInfo.RedirectStandardError = true;
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            // "$0" "$@" keeps every argument intact without building a quoted command string.
            startInfo.FileName = "/bin/sh";
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add("exec \"$0\" \"$@\" 2>&1");
            startInfo.ArgumentList.Add(executable);
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        try
        {
            var process = Process.Start(startInfo) ?? throw new RouterChannelException($"could not start {executable}");
            return new ProcessTextChannel(process);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new RouterChannelException($"could not start {executable}: {exception.Message}", exception);
        }
    }

    public Task SendLineAsync(string line, CancellationToken cancellationToken) => SendAsync(line + "\n", cancellationToken);

    public Task SendKeyAsync(char key, CancellationToken cancellationToken) => SendAsync(key.ToString(), cancellationToken);

    private async Task SendAsync(string typed, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(typed.AsMemory(), cancellationToken).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            throw new RouterChannelException($"simulator process closed while sending: {exception.Message}", exception);
        }
    }

    public Task<string?> ReceiveAsync(CancellationToken cancellationToken) => pump.ReceiveAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await Task.WhenAll(readers).ConfigureAwait(false);
        process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[8192];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false)) > 0)
            {
                pump.Publish(new string(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // The process ended; callers see end of stream.
        }
    }
}
