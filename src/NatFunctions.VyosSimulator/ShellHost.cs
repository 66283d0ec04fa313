using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Runs a session the way sshd starts a login shell: interactive (no <c>-c</c>: prompts, commands from stdin; a tty is
/// not required), <c>-c "vbash -s"</c> (a script on stdin, no prompts, as with script-template), or
/// <c>-c "COMMAND"</c> (the lines of COMMAND, e.g. <c>show configuration commands</c>).
/// </summary>
internal sealed class ShellHost(ShellOptions options, TextReader input, TextWriter output, TextWriter error, TimeProvider time)
{
    public int Run(CancellationToken cancellationToken)
    {
        var state = new StateDirectory(options.StateDirectory);
        if (!state.IsInitialized)
        {
            error.Write($"vyos-sim: state directory '{options.StateDirectory}' is not initialised; run init first.\n");
            return 1;
        }

        var scriptLines = ScriptLines();
        var interactive = options.Command is null;
        Func<string?> readLine = scriptLines is null ? () => input.ReadLine()?.TrimEnd('\r') : scriptLines.Dequeue;
        var session = new CliSession(options, state, output, error, () => readLine(), time);

        try
        {
            var commands = 0;
            while (true)
            {
                if (interactive) output.Write(session.Prompt);
                output.Flush();
                var line = scriptLines is null ? readLine() : scriptLines.Count > 0 ? scriptLines.Dequeue() : null;
                if (line is null) return 0;
                if (!session.Execute(line, cancellationToken)) return 0;

                // Blank lines and script-template sourcing are the shell's, not VyOS commands.
                if (line.Trim().Length == 0 || IsSourceLine(line)) continue;
                commands++;
                if (session.Faults.DropAfterCommands is { } limit && commands >= limit) throw new SessionDroppedException("drop after commands");
            }
        }
        catch (SessionDroppedException)
        {
            output.Flush();
            return SessionDroppedException.ExitCode;
        }
    }

    private static bool IsSourceLine(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("source ", StringComparison.Ordinal) || trimmed.StartsWith(". ", StringComparison.Ordinal);
    }

    /// <summary>Null when commands come from stdin (interactive or <c>vbash -s</c>), else the lines of <c>-c</c>.</summary>
    private Queue<string>? ScriptLines()
    {
        if (options.Command is null) return null;
        var command = options.Command.Trim();
        if (command is "vbash -s" or "/bin/vbash -s" or "bash -s" or "/bin/bash -s" or "sh -s") return null;
        return new Queue<string>(command.Split('\n').Select(line => line.TrimEnd('\r')));
    }
}
