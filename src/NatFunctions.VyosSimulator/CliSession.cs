using System.Globalization;
using NatFunctions.VyosSimulator.Commit;
using NatFunctions.VyosSimulator.Config;
using NatFunctions.VyosSimulator.Schema;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// One VyOS CLI session: op mode and configuration mode as vyatta-cfg's <c>functions/interpreter/vyatta-cfg-run</c>
/// runs them, with commit-confirm per release, the terminal notices of other processes, and reboots.
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

    private readonly ShellOptions options;
    private readonly StateDirectory state;
    private readonly SessionMailboxes mailboxes;
    private TextWriter terminalOutput;
    private readonly TextWriter error;
    private readonly TerminalInput input;
    private readonly TimeProvider time;
    private readonly PathResolver resolver;
    private readonly List<ConfigChange> changes = [];
    private readonly string sessionId = Guid.NewGuid().ToString("N");
    private readonly DateTimeOffset startedAt;
    private readonly string tty;

    // The working tree as last built: the active config text it was built on and how many of this.changes it holds.
    private string? workingBase;
    private ConfigStore? workingStore;
    private int workingChangeCount;
    private bool inConfigMode;

    /// <summary>Whether a script has sourced script-template, which sets up a config session and its aliases.</summary>
    private bool templateSourced;

    private int lineNumber;

    public CliSession(ShellOptions options, StateDirectory state, TextWriter output, TextWriter error, TerminalInput input, TimeProvider time)
    {
        this.options = options;
        this.state = state;
        this.mailboxes = new SessionMailboxes(state);
        this.terminalOutput = output;
        this.error = error;
        this.input = input;
        this.time = time;
        this.resolver = new PathResolver(VyosSchema.For(options.Version));
        this.startedAt = time.GetUtcNow();

        // Only terminals receive wall/write: sshd gives an interactive session a pty, `ssh host COMMAND` none.
        this.tty = IsScript ? "?" : this.mailboxes.Register(this.sessionId, options.UserName, CancellationToken.None);
    }

    public bool InConfigMode
    {
        get => this.inConfigMode;
        private set
        {
            if (this.inConfigMode == value) return;
            this.inConfigMode = value;
            if (!IsScript) this.mailboxes.SetConfigMode(this.sessionId, value, CancellationToken.None);
        }
    }

    public string Prompt => InConfigMode
        ? $"[edit]\n{this.options.UserName}@{this.options.HostName}# "
        : $"{this.options.UserName}@{this.options.HostName}:~$ ";

    /// <summary>
    /// Whether the last <c>set</c>/<c>delete</c>/<c>save</c> was refused (my_set/my_delete exit non-zero, which the HTTP API turns into
    /// a ConfigSessionError: sagitta:python/vyos/configsession.py __run_command).
    /// </summary>
    public bool LastCommandFailed { get; private set; }

    /// <summary>The outcome of the last <c>commit</c>, for the HTTP API (null before one).</summary>
    public CommitOutcome? LastCommitOutcome { get; private set; }

    public FaultSettings Faults => this.options.Faults.OverriddenBy(FaultSettings.ReadFile(this.options.StateDirectory));

    private VyosRelease Version => this.options.Version;

    /// <summary>
    /// True for sshd's <c>-c COMMAND</c> form (including <c>vbash -s</c>): a non-interactive vbash, where the VyOS
    /// commands exist only after <c>source /opt/vyatta/etc/functions/script-template</c>.
    /// </summary>
    private bool IsScript => this.options.Command is not null;

    /// <summary>Leaves the router's terminal list (the session's process ends).</summary>
    public void Close()
    {
        if (!IsScript) this.mailboxes.Unregister(this.sessionId, CancellationToken.None);
    }

    /// <summary>
    /// What happens on the router while this session waits: due commit-confirm countdowns and reverts, and notices
    /// other processes wrote to this terminal (printed now). Throws <see cref="SessionDroppedException"/> when the
    /// router rebooted under this session.
    /// </summary>
    public void Poll(CancellationToken cancellationToken)
    {
        // Most of the time nothing is armed and nothing was sent: then no lock is taken (many sessions watch at once).
        if (!this.state.IsInitialized || (!this.state.HasTimerOrReboot && (IsScript || !this.mailboxes.HasMail(this.sessionId)))) return;
        AdvanceCommitConfirm(cancellationToken);
        if (!IsScript && this.mailboxes.HasMail(this.sessionId))
        {
            var notices = this.mailboxes.Take(this.sessionId, cancellationToken);
            if (notices.Length > 0)
            {
                this.terminalOutput.Write(notices);
                this.terminalOutput.Flush();
            }
        }

        var reboot = this.state.Read(cancellationToken).Reboot;
        if (reboot is not null && this.startedAt < reboot.Start && this.time.GetUtcNow() >= reboot.Start) throw new SessionDroppedException("reboot");
    }

    /// <summary>True while the router is down for a reboot (logins get nothing).</summary>
    public bool RouterIsDown(CancellationToken cancellationToken)
    {
        if (!this.state.HasTimerOrReboot) return false;
        AdvanceCommitConfirm(cancellationToken);
        return this.state.Read(cancellationToken).Reboot?.IsDown(this.time.GetUtcNow()) == true;
    }

    /// <summary>Runs one line with its standard output going to <paramref name="capture"/>.</summary>
    public bool ExecuteInto(TextWriter capture, string line, CancellationToken cancellationToken)
    {
        var terminal = this.terminalOutput;
        this.terminalOutput = capture;
        try
        {
            return Execute(line, cancellationToken);
        }
        finally
        {
            this.terminalOutput = terminal;
        }
    }

    /// <summary>Runs one input line; false when the session ends.</summary>
    public bool Execute(string line, CancellationToken cancellationToken)
    {
        this.lineNumber++;
        Poll(cancellationToken);

        var words = ShellWords.TrySplit(line);
        if (words is null)
        {
            this.error.Write("vbash: unexpected EOF while looking for matching quote\n");
            return true;
        }

        if (words.Count == 0 || words[0].StartsWith('#')) return true;
        if (words[0] == "source" || words[0] == ".")
        {
            if (words.Count > 1 && words[1].EndsWith("script-template", StringComparison.Ordinal)) this.templateSourced = true;
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
        if (!this.templateSourced)
        {
            this.error.Write($"vbash: line {this.lineNumber.ToString(CultureInfo.InvariantCulture)}: {words[0]}: command not found\n");
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
            text = this.state.Read(cancellationToken).ActiveConfig;
        }
        else if (command.Count == 2 && command[1] == "version")
        {
            text = VersionText.For(Version);
        }
        else if (command.Count == 3 && command[1] == "host" && command[2] == "name")
        {
            text = this.options.HostName + "\n";
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

        this.terminalOutput.Write(text);
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
            case "set": LastCommandFailed = !Set(arguments, cancellationToken); break;
            case "delete": LastCommandFailed = !Delete(arguments, cancellationToken); break;
            case "commit": LastCommitOutcome = Commit(arguments, cancellationToken); break;
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
                this.error.Write($"\n  The simulator does not implement '{exact[0]}'.\n\n");
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
            var invalid = working.Root.Child(path[0]) is null ? 0 : path.Count - 1;
            var prefix = string.Join(' ', path.Take(invalid));
            var text = prefix.Length == 0 ? $"Configuration path: [{path[invalid]}] is not valid" : $"Configuration path: {prefix} [{path[invalid]}] is not valid";
            WriteMessage(new CliMessage([text], ToStandardError: true));
            return;
        }

        var rendered = ConfigCommandsPrinter.Print(working);
        if (path.Count > 0)
        {
            var head = "set " + string.Join(' ', path);
            rendered = string.Concat(rendered.Split('\n').Where(line => line == head || line.StartsWith(head + " ", StringComparison.Ordinal)).Select(line => line + "\n"));
        }

        this.terminalOutput.Write(rendered);
    }

    /// <summary>vyatta-cfg-run: every set/delete runs my_set/my_delete, a process of its own; the fault gives it a cost.</summary>
    private void PayCommandCost(CancellationToken cancellationToken)
    {
        if (Faults.CommandDelayMs is > 0 and var delay) Task.Delay(TimeSpan.FromMilliseconds(delay), this.time, cancellationToken).GetAwaiter().GetResult();
    }

    private bool Set(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        PayCommandCost(cancellationToken);
        var working = Working(cancellationToken);
        var resolved = this.resolver.ResolveSet(arguments, working);
        if (resolved.Error is not null)
        {
            WriteMessage(resolved.Error);
            return false;
        }

        var change = new ConfigChange(false, resolved.Path, resolved.Value, resolved.Mode);
        if (!change.ApplyTo(working))
        {
            var shown = resolved.Value is null ? string.Join(' ', resolved.Path) : string.Join(' ', resolved.Path) + " " + resolved.Value;
            WriteMessage(new CliMessage([$"Configuration path: [{shown}] already exists"]));
            return false;
        }

        this.changes.Add(change);
        this.workingChangeCount = this.changes.Count;
        return true;
    }

    private bool Delete(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        PayCommandCost(cancellationToken);
        if (arguments.Count == 0)
        {
            WriteMessage(new CliMessage(["Configuration path: [] is not valid", "Delete failed"], ToStandardError: true));
            return false;
        }

        var working = Working(cancellationToken);
        var resolved = this.resolver.ResolveDelete(arguments, working);
        if (resolved.Error is not null)
        {
            WriteMessage(resolved.Error);
            return false;
        }

        var node = working.Find(resolved.Path);
        if (node is null)
        {
            WriteMessage(new CliMessage(["Nothing to delete (the specified node does not exist)"]));
            return false;
        }

        if (resolved.Value is not null && !node.Values.Contains(resolved.Value))
        {
            WriteMessage(new CliMessage(["Nothing to delete (the specified value does not exist)"]));
            return false;
        }

        this.changes.Add(new ConfigChange(true, resolved.Path, resolved.Value, ValueMode.Replace));
        return true;
    }

    private CommitOutcome Commit(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        // vyatta-cfg-run vyatta_config_commit: sessionChanged first, then the arguments.
        var snapshot = this.state.Read(cancellationToken);
        if (!HasChanges(snapshot))
        {
            this.terminalOutput.Write(CommitOutput.NoChangesMessage + "\n");
            return CommitOutcome.NoChanges;
        }

        if (arguments.Contains("confirm"))
        {
            this.terminalOutput.Write("Use commit-confirm command\n");
            return CommitOutcome.Failed;
        }

        return RunCommit(cancellationToken);
    }

    /// <summary>
    /// vyatta-cfg commit-algorithm.cpp: takes the commit lock, runs each changed owner's conf script in priority
    /// order (a failed subtree stays as it was, the others go active: status PARTIAL), prints
    /// <c>[[PATH]] failed</c> per failure and <c>Commit failed</c>, and notifies the other configuration sessions
    /// when anything went active.
    /// </summary>
    private CommitOutcome RunCommit(CancellationToken cancellationToken, bool underCommitConfirm = false)
    {
        using var commitLock = this.state.TryAcquireCommitLock();
        if (commitLock is null)
        {
            this.terminalOutput.Write(CommitOutput.LockedMessage + "\n");
            return CommitOutcome.Locked;
        }

        var faults = Faults;
        if (faults.CommitDelayMs is > 0) Task.Delay(TimeSpan.FromMilliseconds(faults.CommitDelayMs.Value), this.time, cancellationToken).GetAwaiter().GetResult();

        var output = new System.Text.StringBuilder();
        ConfigStore? activeBefore = null;
        var failed = false;
        var anyActive = false;
        this.state.Update(current =>
        {
            var active = ConfigCommandsReader.Read(current.ActiveConfig);
            activeBefore = active;
            // Another admin's commit that landed while this session was editing: its result is active before ours runs.
            ApplySetLines(active, faults.ConcurrentSetsBeforeCommit);
            var working = active.DeepClone();
            foreach (var change in this.changes) change.ApplyTo(working);

            if (faults.FailCommit is not null)
            {
                output.Append(CommitOutput.InjectedFailure(Version, FirstChangedTopLevelNode(active, working), faults.FailCommit));
                failed = true;
                return current;
            }

            var failures = new List<ConfScript>();
            foreach (var script in ConfScript.Modelled.OrderBy(script => script.Priority))
            {
                if (SameSubtree(active, working, script.Path)) continue;
                var run = new ConfScriptRun();
                script.Verify(working, Version, run);
                output.Append(CommitOutput.ScriptOutput(Version, script, run));
                if (run.Error is not null) failures.Add(script);
            }

            var result = working.DeepClone();
            foreach (var script in failures) result.ReplaceSubtree(script.Path, active);
            foreach (var script in failures) output.Append(CommitOutput.Failed(script));
            failed = failures.Count > 0;
            if (failed) output.Append(CommitOutput.CommitFailed(Version));

            anyActive = !result.ContentEquals(active);
            if (!failed) ApplyConcurrentSets(result, faults);
            return current with { ActiveConfig = ConfigCommandsPrinter.Print(result) };
        }, cancellationToken);

        this.terminalOutput.Write(output.ToString());
        if (anyActive) NotifyOtherConfigSessions(cancellationToken);
        if (underCommitConfirm) RunPostCommitHooks(activeBefore!, cancellationToken);
        if (failed) return CommitOutcome.Failed;

        ClearChanges();
        if (faults.DropAfterCommit == true) throw new SessionDroppedException("drop after commit");
        return CommitOutcome.Committed;
    }

    /// <summary>vyatta-cfg scripts/vyatta-cfg-notify: a <c>write</c> to every other session in configuration mode.</summary>
    private void NotifyOtherConfigSessions(CancellationToken cancellationToken)
    {
        var notice = TerminalNotices.ConfigurationChanged(this.options.UserName, this.options.HostName, this.tty, this.time.GetUtcNow());
        this.mailboxes.Post(notice, (id, registration) => id != this.sessionId && registration.InConfigMode && registration.Tty != this.tty, cancellationToken);
    }

    private void ApplyConcurrentSets(ConfigStore working, FaultSettings faults) => ApplySetLines(working, faults.ConcurrentSetsAfterCommit);

    private void ApplySetLines(ConfigStore working, IReadOnlyList<string>? lines)
    {
        foreach (var line in lines ?? [])
        {
            var words = ShellWords.TrySplit(line);
            if (words is not { Count: > 1 } || words[0] != "set") continue;
            var resolved = this.resolver.ResolveSet(words.Skip(1).ToArray(), working);
            if (resolved.Error is null) new ConfigChange(false, resolved.Path, resolved.Value, resolved.Mode).ApplyTo(working);
        }
    }

    /// <summary>
    /// vyatta-cfg-run <c>vyatta_config_commit-confirm</c>: "No configuration changes to commit" first; then the
    /// config-management step arms the revert timer (1.3 vyatta-config-mgmt.pl <c>--action=commit-confirm</c>; 1.4
    /// sagitta, 1.5 current python/vyos/config_mgmt.py <c>commit_confirm</c>); only when it succeeds does the commit
    /// run, so a commit that fails or meets the commit lock leaves the timer armed.
    /// </summary>
    private void CommitConfirm(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var snapshot = this.state.Read(cancellationToken);
        if (!HasChanges(snapshot))
        {
            this.terminalOutput.Write(CommitOutput.NoChangesMessage + "\n");
            return;
        }

        // vyatta-cfg-run: a first argument with a digit in it is the minutes.
        var minutes = 10;
        if (arguments.Count > 0 && arguments[0].Any(char.IsAsciiDigit) && !int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
        {
            WriteMessage(new CliMessage([$"Invalid value '{arguments[0]}'"], ToStandardError: true));
            return;
        }

        var armed = Version.IsEquuleus ? ArmEquuleus(snapshot, minutes, cancellationToken) : ArmModern(snapshot, minutes, cancellationToken);
        if (armed) RunCommit(cancellationToken, underCommitConfirm: true);
    }

    /// <summary>
    /// The post-commit hooks of a commit under commit-confirm (IN_COMMIT_CONFIRM): vyatta-cfg
    /// sagitta:src/commit/commit-algorithm.cpp runs them after a failed commit too (not when the lock refused it), and
    /// the revision hook, present only while commit-revisions is set, writes the entry confirm and revert read.
    /// </summary>
    private void RunPostCommitHooks(ConfigStore activeBefore, CancellationToken cancellationToken)
    {
        if (Version.IsEquuleus || activeBefore.Value("system", "config-management", "commit-revisions") is null) return;
        this.state.Update(
            current => current.PendingConfirm is { } pending ? current with { PendingConfirm = pending with { RevisionEntryWritten = true } } : current,
            cancellationToken);
    }

    /// <summary>equuleus vyatta-config-mgmt.pl <c>commit-confirm</c>.</summary>
    private bool ArmEquuleus(RouterState snapshot, int minutes, CancellationToken cancellationToken)
    {
        if (snapshot.PendingConfirm is not null)
        {
            // `print "Another confirm is pending\n"; exit 0;`: vyatta-cfg-run goes on and commits.
            this.terminalOutput.Write("Another confirm is pending\n");
            return true;
        }

        // cm_get_max_revs reads the active value (returnOrigValue).
        if (ConfigCommandsReader.Read(snapshot.ActiveConfig).Value("system", "config-management", "commit-revisions") is null)
        {
            this.terminalOutput.Write("commit-revisions is not configured.\n\n");
            return false;
        }

        this.terminalOutput.Write($"commit confirm will be automatically reboot in {minutes} minutes unless confirmed\nProceed? [confirm]");
        this.terminalOutput.Flush();

        // IO::Prompt -y1d=>"y": one key, no Enter needed; Enter takes the default.
        var key = this.input.ReadKey();
        this.terminalOutput.Write("\n");
        if (key is not null && key is not ('y' or 'Y' or '\n' or '\r'))
        {
            this.terminalOutput.Write("commit-confirm canceled\n");
            return false;
        }

        // The `at` job rolls back to the boot config as it was now, then reboots.
        Arm(minutes, snapshot.SavedConfig, reboots: true, cancellationToken);
        return true;
    }

    /// <summary>sagitta and current python/vyos/config_mgmt.py <c>commit_confirm</c> with utils/io.py <c>ask_yes_no</c>.</summary>
    private bool ArmModern(RouterState snapshot, int minutes, CancellationToken cancellationToken)
    {
        if (snapshot.PendingConfirm is not null)
        {
            this.terminalOutput.Write("Another confirm is pending\n");
            return false;
        }

        // 1.5 reloads whatever `system config-management commit-confirm action` says. current:python/vyos/config_mgmt.py
        // ConfigMgmt.__init__ sets reboot_unconfirmed from `d.get('commit_confirm') == 'reboot'`, but since 64196ec5f
        // (T5976, 2024-10-07) `commit-confirm` is a node holding the `action` leaf
        // (current:interface-definitions/system_config-management.xml.in, defaultValue reboot), so get_config_dict gives
        // a dict there (or nothing) and the comparison is never true; that commit changed only the XML and
        // src/conf_mode/system_config-management.py. The mirrored circinus head (2024-10-15) predates T5976 and reboots
        // like sagitta; the simulator's 1.5 follows current (decision 0018).
        var reboots = Version.IsSagitta;
        var warning = reboots && snapshot.ActiveConfig != snapshot.SavedConfig ? "\nYou should save previous commits before commit-confirm !\n" : string.Empty;
        var question = reboots
            ? $"\ncommit-confirm will automatically reboot in {minutes} minutes unless changes\nare confirmed.\n\nProceed ?"
            : $"\ncommit-confirm will automatically reload previous config in {minutes} minutes\nunless changes are confirmed.\nProceed ?";
        if (!AskYesNo(warning + question))
        {
            this.terminalOutput.Write("commit-confirm canceled\n");
            return false;
        }

        // Revert: reboot into config.boot as it is then (sagitta revert), or reload revision 0 (current revert_soft).
        Arm(minutes, reboots ? null : snapshot.ActiveConfig, reboots, cancellationToken);
        this.terminalOutput.Write($"Initialized commit-confirm; {minutes} minutes to confirm before {(reboots ? "reboot" : "reload")}\n");
        return true;
    }

    /// <summary>utils/io.py <c>ask_yes_no(question, default=True)</c>.</summary>
    private bool AskYesNo(string question)
    {
        while (true)
        {
            this.terminalOutput.Write(question + " [Y/n] ");
            this.terminalOutput.Flush();
            var answer = this.input.ReadLine();
            if (answer is null)
            {
                // Python loops on EOFError forever; a closed stdin means the session is gone anyway.
                this.terminalOutput.Write("\nPlease respond with yes/y or no/n\n");
                return false;
            }

            this.terminalOutput.Write("\n");
            switch (answer.Trim().ToLowerInvariant())
            {
                case "": return true;
                case "y" or "ye" or "yes": return true;
                case "n" or "no": return false;
                default: this.terminalOutput.Write("Please respond with yes/y or no/n\n"); break;
            }
        }
    }

    private void Arm(int minutes, string? revertConfig, bool reboots, CancellationToken cancellationToken)
    {
        var now = this.time.GetUtcNow();
        var minuteMs = Faults.MinuteMs ?? this.options.MinuteMilliseconds;
        var pending = new CommitConfirmState(now, now.AddMilliseconds((double)minutes * minuteMs), minutes, minuteMs, revertConfig, reboots, []);
        this.state.Update(current => current with { PendingConfirm = pending }, cancellationToken);
    }

    /// <summary>Sends due countdown notices and, at the deadline, reverts: a reboot on 1.3/1.4, a soft reload on 1.5.</summary>
    private void AdvanceCommitConfirm(CancellationToken cancellationToken)
    {
        var now = this.time.GetUtcNow();
        var walls = new List<string>();
        this.state.Update(current =>
        {
            if (current.PendingConfirm is not { } pending) return current;

            var sent = pending.NoticesSent.ToList();
            foreach (var minutesLeft in TerminalNotices.CountdownPoints(pending.Minutes))
            {
                var due = pending.ArmedAt.AddMilliseconds((double)(pending.Minutes - minutesLeft) * pending.MinuteMilliseconds);
                if (sent.Contains(minutesLeft) || now < due) continue;
                sent.Add(minutesLeft);
                if (TerminalNotices.CommitConfirmCountdown(Version, minutesLeft) is { } text) walls.Add(TerminalNotices.Wall(text));
            }

            // Rewrite the timer only when a notice went out (the watcher looks every 50 ms).
            if (now < pending.Deadline) return sent.Count == pending.NoticesSent.Count ? current : current with { PendingConfirm = pending with { NoticesSent = sent } };
            if (!pending.Reboots)
            {
                walls.Add(TerminalNotices.Wall(TerminalNotices.SoftRevertMessage));
                return current with { ActiveConfig = InVyosOrder(pending.RevertConfig ?? current.SavedConfig), PendingConfirm = null };
            }

            // sagitta/circinus:python/vyos/config_mgmt.py revert() reads the log entry before `systemctl reboot`: without
            // it the timer's unit dies with UnboundLocalError and nothing reboots.
            if (!Version.IsEquuleus && !pending.RevisionEntryWritten) return current with { PendingConfirm = null };

            var bootConfig = pending.RevertConfig ?? current.SavedConfig;
            var rebootMs = Faults.RebootMs ?? this.options.RebootMilliseconds;
            // Booting loads config.boot into the active config, which VyOS shows sorted.
            return current with
            {
                ActiveConfig = InVyosOrder(bootConfig),
                SavedConfig = bootConfig,
                PendingConfirm = null,
                Reboot = new RebootWindow(pending.Deadline, pending.Deadline.AddMilliseconds(rebootMs)),
            };
        }, cancellationToken);

        foreach (var wall in walls) this.mailboxes.Post(wall, (_, _) => true, cancellationToken);
    }

    /// <summary>
    /// Python 3.11's traceback of config-mgmt (the console script of sagitta/circinus python/setup.py) when
    /// /tmp/commit-rev-entry is missing; line numbers from sagitta/circinus:python/vyos/config_mgmt.py.
    /// </summary>
    private static string MissingRevisionEntryTraceback(string method, string callLine, int callLineNumber) =>
        "Traceback (most recent call last):\n"
        + "  File \"/usr/bin/config-mgmt\", line 8, in <module>\n    sys.exit(run())\n             ^^^^^\n"
        + "  File \"/usr/lib/python3/dist-packages/vyos/config_mgmt.py\", line 755, in run\n    res, rc = func(**args)\n              ^^^^^^^^^^^^\n"
        + $"  File \"/usr/lib/python3/dist-packages/vyos/config_mgmt.py\", line {callLineNumber}, in {method}\n    {callLine}\n"
        + "  File \"/usr/lib/python3/dist-packages/vyos/config_mgmt.py\", line 667, in _read_tmp_log_entry\n    return self._get_log_entry(entry)\n                               ^^^^^\n"
        + "UnboundLocalError: cannot access local variable 'entry' where it is not associated with a value\n";

    private static string InVyosOrder(string configText) => ConfigCommandsPrinter.Print(ConfigCommandsReader.Read(configText));

    private void Confirm(CancellationToken cancellationToken)
    {
        CommitConfirmState? pending = null;
        this.state.Update(current =>
        {
            pending = current.PendingConfirm;
            return current with { PendingConfirm = null };
        }, cancellationToken);

        if (pending is null) this.terminalOutput.Write("No confirm pending\n");
        else if (Version.IsEquuleus) return;
        // The timer is stopped before the log entry is read, so a missing entry fails after the fact.
        else if (!pending.RevisionEntryWritten) this.terminalOutput.Write(MissingRevisionEntryTraceback("confirm", "entry = self._read_tmp_log_entry()", 221));
        else this.terminalOutput.Write(pending.Reboots ? "Reboot timer stopped\n" : "Reload timer stopped\n");
    }

    private void Compare(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var snapshot = this.state.Read(cancellationToken);
        var working = Working(snapshot);
        var againstSaved = arguments.Count > 0 && arguments[0] == "saved";
        var asCommands = arguments.Count > 0 && arguments[^1] == "commands";
        var reference = ConfigCommandsReader.Read(againstSaved ? snapshot.SavedConfig : snapshot.ActiveConfig);

        var diff = ConfigComparison.Diff(reference, working, asCommands);
        if (diff.Count == 0)
        {
            var period = Version.IsEquuleus ? string.Empty : ".";
            this.terminalOutput.Write($"No changes between working and {(againstSaved ? "saved" : "active")} configurations{period}\n");
            return;
        }

        foreach (var line in diff) this.terminalOutput.Write(line + "\n");
    }

    private void Discard(CancellationToken cancellationToken)
    {
        var hadChanges = HasChanges(this.state.Read(cancellationToken));
        ClearChanges();
        this.terminalOutput.Write(hadChanges ? "Changes have been discarded\n" : "No changes have been discarded\n");
    }

    /// <summary>
    /// vyatta-cfg-run <c>vyatta_config_save</c> (<c>echo -e "Warning: …\n"</c>), then equuleus vyatta-save-config.pl or
    /// sagitta+ src/helpers/vyos-save-config.py. A failing write is a Python traceback on 1.4/1.5.
    /// </summary>
    private void Save(CancellationToken cancellationToken)
    {
        if (HasChanges(this.state.Read(cancellationToken))) this.terminalOutput.Write("Warning: you have uncommitted changes that will not be saved.\n\n");
        LastCommandFailed = Faults.FailSave is not null;
        if (Faults.FailSave is { } failure)
        {
            this.terminalOutput.Write(SaveFailure.Text(Version, failure));
            return;
        }

        this.state.Update(current => current with { SavedConfig = current.ActiveConfig }, cancellationToken);
        if (Version.IsEquuleus) this.terminalOutput.Write("Saving configuration to '/config/config.boot'...\nDone\n");
    }

    private void ExitConfigMode(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count > 0 && arguments[0] == "discard")
        {
            ClearChanges();
            InConfigMode = false;
            return;
        }

        var snapshot = this.state.Read(cancellationToken);
        if (HasChanges(snapshot))
        {
            this.terminalOutput.Write("Cannot exit: configuration modified.\nUse 'exit discard' to discard the changes and exit.\n");
            return;
        }

        if (snapshot.ActiveConfig != snapshot.SavedConfig) this.terminalOutput.Write("Warning: configuration changes have not been saved.\n");
        ClearChanges();
        InConfigMode = false;
    }

    private bool HasChanges(RouterState snapshot) =>
        this.changes.Count > 0 && !Working(snapshot).ContentEquals(ConfigCommandsReader.Read(snapshot.ActiveConfig));

    private void ClearChanges()
    {
        this.changes.Clear();
        this.workingStore = null;
    }

    private ConfigStore Working(CancellationToken cancellationToken) => Working(this.state.Read(cancellationToken));

    private ConfigStore Working(RouterState snapshot)
    {
        if (this.workingStore is null || !string.Equals(this.workingBase, snapshot.ActiveConfig, StringComparison.Ordinal))
        {
            this.workingStore = ConfigCommandsReader.Read(snapshot.ActiveConfig);
            this.workingBase = snapshot.ActiveConfig;
            this.workingChangeCount = 0;
        }

        for (; this.workingChangeCount < this.changes.Count; this.workingChangeCount++) this.changes[this.workingChangeCount].ApplyTo(this.workingStore);
        return this.workingStore;
    }

    private static bool SameSubtree(ConfigStore left, ConfigStore right, IReadOnlyList<string> path)
    {
        var a = left.Find(path);
        var b = right.Find(path);
        return a is null ? b is null : b is not null && a.ContentEquals(b);
    }

    /// <summary>The owner the injected failure is blamed on: the first changed conf script in priority order, else the first changed top-level node.</summary>
    private static string FirstChangedTopLevelNode(ConfigStore before, ConfigStore after)
    {
        var script = ConfScript.Modelled.OrderBy(candidate => candidate.Priority).FirstOrDefault(candidate => !SameSubtree(before, after, candidate.Path));
        if (script is not null) return script.DisplayPath;
        var names = before.Root.Children.Select(node => node.Name).Union(after.Root.Children.Select(node => node.Name));
        return names.FirstOrDefault(name => !SameSubtree(before, after, [name])) ?? "nat";
    }

    private void WriteMessage(CliMessage message) => (message.ToStandardError ? this.error : this.terminalOutput).Write(message.Render());
}
