using System.Globalization;
using NatFunctions.Core.Vyos;
using NatFunctions.VyosSimulator.Schema;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// One VyOS CLI session: op mode and configuration mode, with the texts of docs/vyos-reference.md A1–A5 and D.
/// </summary>
/// <remarks>
/// Working config: VyOS mounts a session's changes as an overlay on the live active config, so another session's
/// commit shows through wherever this session changed nothing. The simulator keeps the session's accepted
/// set/delete commands and replays them on the current active config whenever it needs the working config;
/// <c>compare</c> therefore shows only this session's changes, against the active config as it is now.
/// </remarks>
internal sealed class CliSession
{
    private static readonly string[] ConfigCommands =
        ["confirm", "comment", "commit", "commit-confirm", "compare", "copy", "delete", "discard", "edit", "exit", "load", "merge", "rename", "rollback", "rollback-soft", "run", "save", "set", "show"];

    private readonly ShellOptions _options;
    private readonly StateDirectory _state;
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly Func<string?> _readAnswer;
    private readonly TimeProvider _time;
    private readonly PathResolver _resolver;
    private readonly List<ConfigChange> _changes = [];

    // The working tree as last built: the active config text it was built on and how many of _changes it holds.
    // Rebuilding it for every set/delete made a session of n commands cost O(n²) (1,800 commands took 14 s).
    private string? _workingBase;
    private ConfigTree? _workingTree;
    private int _workingChangeCount;

    public CliSession(ShellOptions options, StateDirectory state, TextWriter output, TextWriter error, Func<string?> readAnswer, TimeProvider time)
    {
        _options = options;
        _state = state;
        _out = output;
        _error = error;
        _readAnswer = readAnswer;
        _time = time;
        _resolver = new PathResolver(VyosSchema.For(options.Version));
    }

    public bool InConfigMode { get; private set; }

    public string Prompt => InConfigMode
        ? $"[edit]\n{_options.UserName}@{_options.HostName}# "
        : $"{_options.UserName}@{_options.HostName}:~$ ";

    private VyosVersion Version => _options.Version;

    public FaultSettings Faults => _options.Faults.OverriddenBy(FaultSettings.ReadFile(_options.StateDirectory));

    /// <summary>
    /// True for sshd's <c>-c COMMAND</c> form (including <c>vbash -s</c>): a non-interactive vbash, where the VyOS
    /// commands exist only after <c>source /opt/vyatta/etc/functions/script-template</c> (docs/vyos-reference.md A3).
    /// </summary>
    private bool IsScript => _options.Command is not null;

    /// <summary>Whether a script has sourced script-template, which sets up a config session and its aliases.</summary>
    private bool _templateSourced;

    private int _lineNumber;

    /// <summary>Runs one input line; false when the session ends.</summary>
    public bool Execute(string line, CancellationToken cancellationToken)
    {
        _lineNumber++;
        RevertExpiredCommitConfirm(cancellationToken);

        var words = ShellWords.TrySplit(line);
        if (words is null)
        {
            _error.Write("vbash: unexpected EOF while looking for matching quote\n");
            return true;
        }

        if (words.Count == 0 || words[0].StartsWith('#')) return true;
        if (words[0] == "source" || words[0] == ".")
        {
            if (words.Count > 1 && words[1].EndsWith("script-template", StringComparison.Ordinal)) _templateSourced = true;
            return true;
        }

        if (IsScript) return ExecuteScriptLine(words, cancellationToken);
        return InConfigMode ? ExecuteConfigCommand(words, cancellationToken) : ExecuteOpCommand(words, cancellationToken);
    }

    /// <summary>
    /// A line of a non-interactive vbash. Before script-template nothing VyOS-specific exists (bash: "command not
    /// found"). After it, the config commands are aliases that work with or without <c>configure</c>, and op-mode
    /// commands must go through <c>run</c>: a bare <c>show …</c> is the config-mode <c>show</c>.
    /// </summary>
    private bool ExecuteScriptLine(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words[0] is "exit" or "logout" && !InConfigMode) return false;
        if (!_templateSourced)
        {
            _error.Write($"vbash: line {_lineNumber.ToString(CultureInfo.InvariantCulture)}: {words[0]}: command not found\n");
            return true;
        }

        if (words[0] == "configure")
        {
            InConfigMode = true;
            return true;
        }

        return ExecuteConfigCommand(words, cancellationToken);
    }

    private bool ExecuteOpCommand(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        switch (words[0])
        {
            case "run" when words.Count > 1:
                return ExecuteOpCommand(words.Skip(1).ToArray(), cancellationToken);
            case "configure":
                InConfigMode = true;
                return true;
            case "exit" or "logout":
                return false;
            case "set" when words.Count >= 3 && words[1] == "terminal":
                return true;
            case "show":
                Show(words, cancellationToken);
                return true;
            default:
                WriteMessage(new CliMessage([$"Invalid command: [{words[0]}]"], ToStandardError: true));
                return true;
        }
    }

    private void Show(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        // `show … | match TEXT` (VyOS's pipe filter) keeps the lines containing TEXT.
        var pipe = words.ToList().IndexOf("|");
        var command = pipe < 0 ? words : words.Take(pipe).ToArray();
        var filter = pipe >= 0 && words.Count == pipe + 3 && words[pipe + 1] is "match" or "grep" ? words[pipe + 2] : null;

        string text;
        if (command.Count == 3 && command[1] == "configuration" && command[2] == "commands")
        {
            text = _state.Read(cancellationToken).ActiveConfig;
        }
        else if (command.Count == 2 && command[1] == "version")
        {
            text = $"Version:          VyOS {Version}.0\n";
        }
        else if (command.Count == 3 && command[1] == "host" && command[2] == "name")
        {
            text = _options.HostName + "\n";
        }
        else
        {
            var invalid = command.Count > 1 ? $"show [{command[1]}]" : "show";
            WriteMessage(new CliMessage([$"Invalid command: {invalid}"], ToStandardError: true));
            return;
        }

        if (filter is not null)
        {
            text = string.Concat(text.Split('\n').Where(line => line.Length > 0 && line.Contains(filter, StringComparison.Ordinal)).Select(line => line + "\n"));
        }

        _out.Write(text);
    }

    private bool ExecuteConfigCommand(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var exact = ConfigCommands.Contains(words[0]) ? [words[0]] : ConfigCommands.Where(name => name.StartsWith(words[0], StringComparison.Ordinal)).ToArray();
        if (exact.Length == 0)
        {
            WriteMessage(new CliMessage([$"Invalid command: [{words[0]}]"], ToStandardError: true));
            return true;
        }

        if (exact.Length > 1)
        {
            WriteMessage(new CliMessage([$"Ambiguous command: [{words[0]}]", string.Empty, "  Possible completions:", .. exact.Select(name => "    " + name)], ToStandardError: true));
            return true;
        }

        var arguments = words.Skip(1).ToArray();
        switch (exact[0])
        {
            case "set": Set(arguments, cancellationToken); break;
            case "delete": Delete(arguments, cancellationToken); break;
            case "commit": Commit(arguments, cancellationToken); break;
            case "commit-confirm": CommitConfirm(arguments, cancellationToken); break;
            case "confirm": Confirm(cancellationToken); break;
            case "compare": Compare(arguments, cancellationToken); break;
            case "discard": Discard(cancellationToken); break;
            case "save": Save(cancellationToken); break;
            case "exit" when IsScript && !InConfigMode: return false;
            case "exit": ExitConfigMode(arguments, cancellationToken); break;
            case "run":
                if (arguments.Length == 0) WriteMessage(new CliMessage(["Invalid command: [run]"], ToStandardError: true));
                else ExecuteOpCommand(arguments, cancellationToken);
                break;
            case "show":
                ShowWorking(arguments, cancellationToken);
                break;
            default:
                _error.Write($"\n  The simulator does not implement '{exact[0]}'.\n\n");
                break;
        }

        return true;
    }

    /// <summary>Config-mode <c>show [PATH]</c>: the working config (as commands, not VyOS's curly braces) under PATH.</summary>
    private void ShowWorking(IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        var working = Working(cancellationToken);
        if (path.Count > 0 && working.Find(path) is null)
        {
            var invalid = working.Root.FindChild(path[0]) is null ? 0 : path.Count - 1;
            var prefix = string.Join(' ', path.Take(invalid));
            var text = prefix.Length == 0 ? $"Configuration path: [{path[invalid]}] is not valid" : $"Configuration path: {prefix} [{path[invalid]}] is not valid";
            WriteMessage(new CliMessage([text], ToStandardError: true));
            return;
        }

        var rendered = ConfigCommandsRenderer.Render(working);
        if (path.Count > 0)
        {
            var head = "set " + string.Join(' ', path);
            rendered = string.Concat(rendered.Split('\n').Where(line => line == head || line.StartsWith(head + " ", StringComparison.Ordinal)).Select(line => line + "\n"));
        }

        _out.Write(rendered);
    }

    private void Set(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var working = Working(cancellationToken);
        var resolved = _resolver.ResolveSet(arguments, working);
        if (resolved.Error is not null)
        {
            WriteMessage(resolved.Error);
            return;
        }

        var change = new ConfigChange(false, resolved.Path, resolved.Value, resolved.Mode);
        if (!change.ApplyTo(working))
        {
            var shown = resolved.Value is null ? string.Join(' ', resolved.Path) : string.Join(' ', resolved.Path) + " " + resolved.Value;
            WriteMessage(new CliMessage([$"Configuration path: [{shown}] already exists"]));
            return;
        }

        _changes.Add(change);
        _workingChangeCount = _changes.Count;
    }

    private void Delete(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            WriteMessage(new CliMessage(["Configuration path: [] is not valid", "Delete failed"], ToStandardError: true));
            return;
        }

        var working = Working(cancellationToken);
        var resolved = _resolver.ResolveDelete(arguments, working);
        if (resolved.Error is not null)
        {
            WriteMessage(resolved.Error);
            return;
        }

        var node = working.Find(resolved.Path);
        if (node is null)
        {
            WriteMessage(new CliMessage(["Nothing to delete (the specified node does not exist)"]));
            return;
        }

        if (resolved.Value is not null && !node.Values.Contains(resolved.Value))
        {
            WriteMessage(new CliMessage(["Nothing to delete (the specified value does not exist)"]));
            return;
        }

        _changes.Add(new ConfigChange(true, resolved.Path, resolved.Value, ValueMode.Replace));
    }

    private CommitOutcome Commit(IReadOnlyList<string> arguments, CancellationToken cancellationToken, Func<RouterState, RouterState>? alsoUnderLock = null)
    {
        if (arguments.Count > 0 && arguments[0] == "confirm")
        {
            _out.Write("Use commit-confirm command\n");
            return CommitOutcome.Failed;
        }

        var snapshot = _state.Read(cancellationToken);
        if (!HasChanges(snapshot))
        {
            _out.Write(CommitOutput.NoChangesMessage + "\n");
            return CommitOutcome.NoChanges;
        }

        using var commitLock = _state.TryAcquireCommitLock();
        if (commitLock is null)
        {
            _out.Write(CommitOutput.LockedMessage + "\n");
            return CommitOutcome.Failed;
        }

        var faults = Faults;
        if (faults.CommitDelayMs is > 0) Task.Delay(TimeSpan.FromMilliseconds(faults.CommitDelayMs.Value), _time, cancellationToken).GetAwaiter().GetResult();

        string? failureOutput = null;
        var warningOutput = string.Empty;
        _state.Update(current =>
        {
            var active = ConfigCommandsParser.Parse(current.ActiveConfig);
            var working = active.DeepClone();
            foreach (var change in _changes) change.ApplyTo(working);

            if (faults.FailCommit is not null)
            {
                failureOutput = CommitOutput.Failure(Version, FirstChangedTopLevelNode(active, working), faults.FailCommit);
                return current;
            }

            // The conf script (and so its checks and warnings) runs only when its subtree changed.
            var natChanged = !SameSubtree(active, working, "nat");
            var verification = natChanged ? NatCommitVerifier.Verify(working, Version) : null;
            if (verification?.Error is { } natError)
            {
                // Commits are per priority subtree: the other subtrees still go active (VyOS status PARTIAL).
                failureOutput = CommitOutput.Failure(Version, "nat", natError);
                working.ReplaceTopLevel("nat", active.Root.FindChild("nat"));
            }
            else if (verification is not null)
            {
                warningOutput = CommitOutput.Warnings(Version, "nat", verification.Warnings);
            }

            if (failureOutput is null) ApplyConcurrentSets(working, faults);
            var next = current with { ActiveConfig = ConfigCommandsRenderer.Render(working) };
            return alsoUnderLock is null || failureOutput is not null ? next : alsoUnderLock(next);
        }, cancellationToken);

        if (failureOutput is not null)
        {
            _out.Write(failureOutput);
            return CommitOutcome.Failed;
        }

        _out.Write(warningOutput);
        ClearChanges();
        if (faults.DropAfterCommit == true) throw new SessionDroppedException("drop after commit");
        return CommitOutcome.Committed;
    }

    private void ApplyConcurrentSets(ConfigTree working, FaultSettings faults)
    {
        foreach (var line in faults.ConcurrentSetsAfterCommit ?? [])
        {
            var words = ShellWords.TrySplit(line);
            if (words is not { Count: > 1 } || words[0] != "set") continue;
            var resolved = _resolver.ResolveSet(words.Skip(1).ToArray(), working);
            if (resolved.Error is null) new ConfigChange(false, resolved.Path, resolved.Value, resolved.Mode).ApplyTo(working);
        }
    }

    private void CommitConfirm(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var minutes = 10;
        if (arguments.Count > 0 && arguments[0] != "comment" && !int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
        {
            WriteMessage(new CliMessage([$"Invalid value '{arguments[0]}'"], ToStandardError: true));
            return;
        }

        var snapshot = _state.Read(cancellationToken);
        var pendingText = "Another confirm is pending";
        if (Version == VyosVersion.V1_3)
        {
            if (!Working(cancellationToken).Exists(["system", "config-management", "commit-revisions"]))
            {
                _out.Write("commit-revisions is not configured.\n");
                return;
            }

            if (snapshot.PendingConfirm is not null)
            {
                _out.Write(pendingText + "\n");
                return;
            }

            _out.Write($"commit confirm will be automatically reboot in {minutes} minutes unless confirmed\nProceed? [confirm]");
        }
        else
        {
            if (snapshot.PendingConfirm is not null)
            {
                _out.Write(pendingText + "\n");
                return;
            }

            if (snapshot.ActiveConfig != snapshot.SavedConfig) _out.Write("\nYou should save previous commits before commit-confirm !\n");
            _out.Write(Version == VyosVersion.V1_5
                ? $"\ncommit-confirm will automatically reload previous config in {minutes} minutes\nunless changes are confirmed.\n\nProceed ? [Y/n] "
                : $"\ncommit-confirm will automatically reboot in {minutes} minutes unless changes\nare confirmed.\n\nProceed ? [Y/n] ");
        }

        _out.Flush();
        var answer = (_readAnswer() ?? string.Empty).Trim();
        _out.Write("\n");
        if (answer.Length > 0 && !answer.StartsWith('y') && !answer.StartsWith('Y'))
        {
            _out.Write("commit-confirm canceled\n");
            return;
        }

        var deadline = _time.GetUtcNow().AddMilliseconds((double)minutes * (Faults.MinuteMs ?? _options.MinuteMilliseconds));
        var outcome = Commit([], cancellationToken, committed => committed with
        {
            // 1.5 reloads the last confirmed config; 1.3/1.4 reboot into the saved config (null: read it at revert time).
            PendingConfirm = new CommitConfirmState(deadline, minutes, Version == VyosVersion.V1_5 ? snapshot.ActiveConfig : null),
        });

        if (outcome == CommitOutcome.Committed && Version != VyosVersion.V1_3)
        {
            _out.Write($"Initialized commit-confirm; {minutes} minutes to confirm before {RevertVerb}\n");
        }
    }

    /// <summary>vyos-1x current <c>config_mgmt.py</c> <c>revert_soft</c> (docs/vyos-reference.md D, 1.5).</summary>
    public const string RevertNotice = "[commit-confirm] Reverting to previous config now";

    private string RevertVerb => Version == VyosVersion.V1_5 ? "reload" : "reboot";

    private void Confirm(CancellationToken cancellationToken)
    {
        var hadPending = false;
        _state.Update(current =>
        {
            hadPending = current.PendingConfirm is not null;
            return current with { PendingConfirm = null };
        }, cancellationToken);

        if (!hadPending) _out.Write("No confirm pending\n");
        else if (Version == VyosVersion.V1_4) _out.Write("Reboot timer stopped\n");
        else if (Version == VyosVersion.V1_5) _out.Write("Reload timer stopped\n");
    }

    private void RevertExpiredCommitConfirm(CancellationToken cancellationToken)
    {
        if (!_state.IsInitialized) return;
        var now = _time.GetUtcNow();
        var reverted = false;
        _state.Update(current =>
        {
            if (current.PendingConfirm is not { } pending || now < pending.Deadline) return current;
            reverted = true;
            return current with { ActiveConfig = pending.RevertConfig ?? current.SavedConfig, PendingConfirm = null };
        }, cancellationToken);

        // 1.5's soft revert announces itself with wall (1.3/1.4 reboot instead); wall writes to every terminal, the
        // simulator to the session that notices the deadline.
        if (reverted && Version == VyosVersion.V1_5)
        {
            var stamp = now.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture);
            _out.Write($"\n\nBroadcast message from root@{_options.HostName} (somewhere) ({stamp}):\n\n{RevertNotice}\n\n");
        }
    }

    private void Compare(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var snapshot = _state.Read(cancellationToken);
        var working = Working(snapshot);
        var againstSaved = arguments.Count > 0 && arguments[0] == "saved";
        var asCommands = arguments.Count > 0 && arguments[^1] == "commands";
        var reference = ConfigCommandsParser.Parse(againstSaved ? snapshot.SavedConfig : snapshot.ActiveConfig);

        var diff = ConfigComparison.Diff(reference, working, asCommands);
        if (diff.Count == 0)
        {
            var period = Version == VyosVersion.V1_3 ? string.Empty : ".";
            _out.Write($"No changes between working and {(againstSaved ? "saved" : "active")} configurations{period}\n");
            return;
        }

        foreach (var line in diff) _out.Write(line + "\n");
    }

    private void Discard(CancellationToken cancellationToken)
    {
        var hadChanges = HasChanges(_state.Read(cancellationToken));
        ClearChanges();
        _out.Write(hadChanges ? "Changes have been discarded\n" : "No changes have been discarded\n");
    }

    private void Save(CancellationToken cancellationToken)
    {
        if (HasChanges(_state.Read(cancellationToken))) _out.Write("Warning: you have uncommitted changes that will not be saved.\n");
        if (Faults.FailSave is { } failure)
        {
            _out.Write(failure + "\n");
            return;
        }

        _state.Update(current => current with { SavedConfig = current.ActiveConfig }, cancellationToken);
        if (Version == VyosVersion.V1_3) _out.Write("Saving configuration to '/config/config.boot'...\nDone\n");
    }

    private void ExitConfigMode(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count > 0 && arguments[0] == "discard")
        {
            ClearChanges();
            InConfigMode = false;
            return;
        }

        var snapshot = _state.Read(cancellationToken);
        if (HasChanges(snapshot))
        {
            _out.Write("Cannot exit: configuration modified.\nUse 'exit discard' to discard the changes and exit.\n");
            return;
        }

        if (snapshot.ActiveConfig != snapshot.SavedConfig) _out.Write("Warning: configuration changes have not been saved.\n");
        ClearChanges();
        InConfigMode = false;
    }

    private bool HasChanges(RouterState snapshot) =>
        _changes.Count > 0 && !Working(snapshot).ContentEquals(ConfigCommandsParser.Parse(snapshot.ActiveConfig));

    private void ClearChanges()
    {
        _changes.Clear();
        _workingTree = null;
    }

    private ConfigTree Working(CancellationToken cancellationToken) => Working(_state.Read(cancellationToken));

    private ConfigTree Working(RouterState snapshot)
    {
        if (_workingTree is null || !string.Equals(_workingBase, snapshot.ActiveConfig, StringComparison.Ordinal))
        {
            _workingTree = ConfigCommandsParser.Parse(snapshot.ActiveConfig);
            _workingBase = snapshot.ActiveConfig;
            _workingChangeCount = 0;
        }

        for (; _workingChangeCount < _changes.Count; _workingChangeCount++) _changes[_workingChangeCount].ApplyTo(_workingTree);
        return _workingTree;
    }

    private static bool SameSubtree(ConfigTree left, ConfigTree right, string name)
    {
        var a = left.Root.FindChild(name);
        var b = right.Root.FindChild(name);
        return a is null ? b is null : b is not null && a.ContentEquals(b);
    }

    private static string FirstChangedTopLevelNode(ConfigTree before, ConfigTree after)
    {
        var names = before.Root.Children.Select(node => node.Name).Union(after.Root.Children.Select(node => node.Name));
        return names.FirstOrDefault(name => !SameSubtree(before, after, name)) ?? "nat";
    }

    private void WriteMessage(CliMessage message) => (message.ToStandardError ? _error : _out).Write(message.Render());
}
