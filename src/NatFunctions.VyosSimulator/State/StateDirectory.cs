using System.Text.Json;

namespace NatFunctions.VyosSimulator.State;

/// <summary>
/// The router's shared state on disk, for any number of simulator processes (one per SSH session):
/// <c>active.config</c> and <c>saved.config</c> (as <c>show configuration commands</c> text), <c>commit-confirm.json</c>,
/// and two lock files. <c>state.lock</c> is held for every short read-modify-write; <c>commit.lock</c> is held for a
/// whole commit (including the commit delay), so a second commit sees VyOS's lock message.
/// Locks are <see cref="FileShare.None"/> opens, which .NET maps to <c>flock</c> on Linux, released when a process dies.
/// </summary>
internal sealed class StateDirectory(string path)
{
    private const string ActiveFile = "active.config";
    private const string SavedFile = "saved.config";
    private const string ConfirmFile = "commit-confirm.json";
    private const string RebootFile = "reboot.json";
    private const string StateLockFile = "state.lock";
    private const string CommitLockFile = "commit.lock";

    public string Path { get; } = path;

    /// <summary>The folder of the sessions' registrations and notice mailboxes.</summary>
    public string SessionsPath => System.IO.Path.Combine(Path, "sessions");

    public bool IsInitialized => File.Exists(System.IO.Path.Combine(Path, ActiveFile));

    public void Initialize(string configText)
    {
        Directory.CreateDirectory(Path);
        using var stateLock = AcquireStateLock(CancellationToken.None);
        WriteAtomically(ActiveFile, configText);
        WriteAtomically(SavedFile, configText);
        File.Delete(System.IO.Path.Combine(Path, ConfirmFile));
        File.Delete(System.IO.Path.Combine(Path, RebootFile));
    }

    /// <summary>Reads the state under the state lock.</summary>
    public RouterState Read(CancellationToken cancellationToken)
    {
        using var stateLock = AcquireStateLock(cancellationToken);
        return ReadUnlocked();
    }

    /// <summary>Reads, changes and writes the state as one step; <paramref name="change"/> returns the new state.</summary>
    public RouterState Update(Func<RouterState, RouterState> change, CancellationToken cancellationToken)
    {
        using var stateLock = AcquireStateLock(cancellationToken);
        var before = ReadUnlocked();
        var after = change(before);
        if (after.ActiveConfig != before.ActiveConfig) WriteAtomically(ActiveFile, after.ActiveConfig);
        if (after.SavedConfig != before.SavedConfig) WriteAtomically(SavedFile, after.SavedConfig);
        if (after.PendingConfirm != before.PendingConfirm)
        {
            var confirmPath = System.IO.Path.Combine(Path, ConfirmFile);
            if (after.PendingConfirm is null) File.Delete(confirmPath);
            else WriteAtomically(ConfirmFile, JsonSerializer.Serialize(after.PendingConfirm));
        }

        if (after.Reboot != before.Reboot)
        {
            if (after.Reboot is null) File.Delete(System.IO.Path.Combine(Path, RebootFile));
            else WriteAtomically(RebootFile, JsonSerializer.Serialize(after.Reboot));
        }

        return after;
    }

    /// <summary>Takes the commit lock without waiting; null when another commit holds it.</summary>
    public IDisposable? TryAcquireCommitLock()
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(Path, CommitLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private RouterState ReadUnlocked()
    {
        var confirmPath = System.IO.Path.Combine(Path, ConfirmFile);
        var confirm = File.Exists(confirmPath) ? JsonSerializer.Deserialize<CommitConfirmState>(File.ReadAllText(confirmPath)) : null;
        var rebootPath = System.IO.Path.Combine(Path, RebootFile);
        var reboot = File.Exists(rebootPath) ? JsonSerializer.Deserialize<RebootWindow>(File.ReadAllText(rebootPath)) : null;
        return new RouterState(ReadText(ActiveFile), ReadText(SavedFile), confirm, reboot);
    }

    private string ReadText(string name)
    {
        var file = System.IO.Path.Combine(Path, name);
        return File.Exists(file) ? File.ReadAllText(file) : string.Empty;
    }

    private void WriteAtomically(string name, string text)
    {
        var target = System.IO.Path.Combine(Path, name);
        var temporary = target + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Whether a commit-confirm timer or a reboot exists (a lock-free look for the sessions' watchers).</summary>
    public bool HasTimerOrReboot =>
        File.Exists(System.IO.Path.Combine(Path, ConfirmFile)) || File.Exists(System.IO.Path.Combine(Path, RebootFile));

    /// <summary>Runs <paramref name="action"/> under the state lock (for the session mailboxes).</summary>
    public void Locked(Action action, CancellationToken cancellationToken)
    {
        using var stateLock = AcquireStateLock(cancellationToken);
        action();
    }

    private FileStream AcquireStateLock(CancellationToken cancellationToken)
    {
        var lockPath = System.IO.Path.Combine(Path, StateLockFile);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Held only for a read-modify-write of small files; retry shortly.
                cancellationToken.WaitHandle.WaitOne(10);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
