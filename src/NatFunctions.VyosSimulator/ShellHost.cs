using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Runs a session the way sshd starts a login shell: interactive (no <c>-c</c>: prompts, commands from stdin; a tty is
/// not required), <c>-c "vbash -s"</c> (a script on stdin, no prompts, as with script-template), or
/// <c>-c "COMMAND"</c> (the lines of COMMAND, e.g. <c>show configuration commands</c>).
/// </summary>
internal sealed class ShellHost(ShellOptions options, TextReader input, TextWriter output, TextWriter error, TimeProvider time)
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    private readonly string sessionId = Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Whether a background watcher prints notices and ends the process on a reboot while the session waits for
    /// input (the real process; <paramref name="output"/> must then be thread-safe). In process, notices come at
    /// the next command.
    /// </summary>
    public bool WatchInBackground { get; init; }

    /// <summary>Stdin is a tty (an sshd login with a pty): single-key reads must leave line mode.</summary>
    public bool InputIsTerminal { get; init; }

    public int Run(CancellationToken cancellationToken)
    {
        var state = new StateDirectory(options.StateDirectory);
        if (!state.IsInitialized)
        {
            error.Write($"vyos-sim: state directory '{options.StateDirectory}' is not initialised; run init first.\n");
            return 1;
        }

        var interactive = options.Command is null;
        var terminal = ScriptText() is { } script
            ? new TerminalInput(new StringReader(script))
            : new TerminalInput(input, InputIsTerminal ? OneKeyTerminalMode.Enter : null);
        var session = new CliSession(options, state, output, error, terminal, time);
        using var watcher = new CancellationTokenSource();
        try
        {
            // A router that is rebooting answers nothing: the login shell ends at once.
            if (session.RouterIsDown(cancellationToken)) return SessionDroppedException.ExitCode;
            if (WatchInBackground && interactive) StartWatcher(session, watcher.Token);
            return RunCommands(session, terminal, interactive, cancellationToken);
        }
        catch (SessionDroppedException)
        {
            output.Flush();
            return SessionDroppedException.ExitCode;
        }
        finally
        {
            watcher.Cancel();
            session.Close();
        }
    }

    private int RunCommands(CliSession session, TerminalInput terminal, bool interactive, CancellationToken cancellationToken)
    {
        var commands = 0;
        while (true)
        {
            if (interactive) output.Write(session.Prompt);
            output.Flush();
            var line = terminal.ReadLine();
            if (line is null) return 0;

            // Blank lines and script-template sourcing are the shell's, not VyOS commands.
            var isCommand = line.Trim().Length > 0 && !IsSourceLine(line);
            if (isCommand)
            {
                commands++;
                LogCommand(line);
            }

            var noticeInside = interactive && isCommand && session.Faults.WriteNoticeAtCommands?.Contains(commands) == true;
            if (!(noticeInside ? ExecuteWithNoticeInside(session, line, cancellationToken) : session.Execute(line, cancellationToken))) return 0;

            if (isCommand && session.Faults.DropAfterCommands is { } limit && commands >= limit) throw new SessionDroppedException("drop after commands");
        }
    }

    /// <summary>
    /// One line per command in <see cref="ShellOptions.CommandLogPath"/>: one short append each, so the lines of
    /// concurrent sessions do not interleave.
    /// </summary>
    private void LogCommand(string line)
    {
        if (options.CommandLogPath is { } path) File.AppendAllText(path, $"{sessionId}\t{line.Trim()}\n");
    }

    /// <summary>The <c>writeNoticeAtCommands</c> fault: an operator's commit elsewhere; its notice lands mid-output.</summary>
    private bool ExecuteWithNoticeInside(CliSession session, string line, CancellationToken cancellationToken)
    {
        var notice = TerminalNotices.ConfigurationChanged("admin", options.HostName, "pts/9", time.GetUtcNow());
        using var writer = new MidOutputNoticeWriter(output, notice);
        var continues = session.ExecuteInto(writer, line, cancellationToken);
        writer.Flush();
        return continues;
    }

    private void StartWatcher(CliSession session, CancellationToken stop)
    {
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(WatchInterval, stop).ConfigureAwait(false);
                    session.Poll(stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SessionDroppedException)
                {
                    // The router rebooted under this session: the connection just ends.
                    output.Flush();
                    Environment.Exit(SessionDroppedException.ExitCode);
                }
                catch (IOException)
                {
                    // State files being rewritten by another session; look again next time.
                }
            }
        }, stop);
    }

    private static bool IsSourceLine(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("source ", StringComparison.Ordinal) || trimmed.StartsWith(". ", StringComparison.Ordinal);
    }

    /// <summary>Null when commands come from stdin (interactive or <c>vbash -s</c>), else the lines of <c>-c</c>.</summary>
    private string? ScriptText()
    {
        if (options.Command is null) return null;
        var command = options.Command.Trim();
        if (command is "vbash -s" or "/bin/vbash -s" or "bash -s" or "/bin/bash -s" or "sh -s") return null;
        return options.Command;
    }
}
