using System.Text.RegularExpressions;
using Renci.SshNet;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// A second, independent SSH session written with SSH.NET's own Expect, used to hold the commit lock while the
/// product's driver tries to commit.
/// </summary>
internal sealed partial class RawVyosShell(SshClient client) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ShellStream shell = client.CreateShellStream("vt100", 512, 24, 0, 0, 64 * 1024);

    public Task WaitForOperationalPromptAsync() => Task.Run(() => Expect(OperationalPrompt()));

    public Task WaitForConfigurationPromptAsync() => Task.Run(() => Expect(ConfigurationPrompt()));

    public Task RunAsync(string command)
    {
        Send(command);
        return WaitForConfigurationPromptAsync();
    }

    /// <summary>Runs a config-mode command and returns everything printed up to and including the next prompt.</summary>
    public Task<string> RunReadingAsync(string command)
    {
        Send(command);
        return Task.Run(() => shell.Expect(ConfigurationPrompt(), Timeout) ?? throw new TimeoutException($"no configuration prompt within {Timeout}"));
    }

    public void Send(string command)
    {
        shell.Write(command + "\r");
        shell.Flush();
    }

    public void Dispose()
    {
        shell.Dispose();
        client.Dispose();
    }

    private void Expect(Regex prompt)
    {
        if (shell.Expect(prompt, Timeout) is null)
        {
            throw new TimeoutException($"no prompt matching {prompt} within {Timeout}");
        }
    }

    [GeneratedRegex(@"\$ $")]
    private static partial Regex OperationalPrompt();

    [GeneratedRegex(@"\[edit\]\r?\n[^\n]*# $")]
    private static partial Regex ConfigurationPrompt();
}
