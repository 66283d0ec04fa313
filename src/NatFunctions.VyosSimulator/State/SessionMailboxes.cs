using System.Diagnostics;
using System.Text.Json;

namespace NatFunctions.VyosSimulator.State;

/// <summary>
/// The terminals of the simulated router: every interactive session registers (<c>sessions/ID.json</c>: its tty,
/// whether it is in configuration mode, its process) and has a mailbox (<c>sessions/ID.mail</c>) where
/// <c>wall</c> and <c>write</c> texts for it collect until its shell prints them. All under the state lock.
/// </summary>
internal sealed class SessionMailboxes(StateDirectory state)
{
    /// <summary>Registers a terminal on the lowest free <c>pts/N</c> and returns that tty name.</summary>
    public string Register(string id, string user, CancellationToken cancellationToken)
    {
        var tty = string.Empty;
        state.Locked(() =>
        {
            Directory.CreateDirectory(state.SessionsPath);
            var used = Directory.GetFiles(state.SessionsPath, "*.json").Select(Read).OfType<SessionRegistration>()
                .Where(registration => IsAlive(registration.ProcessId)).Select(registration => registration.Tty).ToHashSet(StringComparer.Ordinal);
            var number = 0;
            while (used.Contains($"pts/{number}")) number++;
            tty = $"pts/{number}";
            File.WriteAllText(RegistrationPath(id), JsonSerializer.Serialize(new SessionRegistration(tty, user, false, Environment.ProcessId)));
        }, cancellationToken);
        return tty;
    }

    public void SetConfigMode(string id, bool inConfigMode, CancellationToken cancellationToken) => state.Locked(() =>
    {
        var path = RegistrationPath(id);
        if (File.Exists(path) && Read(path) is { } registration)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(registration with { InConfigMode = inConfigMode }));
        }
    }, cancellationToken);

    public void Unregister(string id, CancellationToken cancellationToken) => state.Locked(() =>
    {
        File.Delete(RegistrationPath(id));
        File.Delete(MailPath(id));
    }, cancellationToken);

    /// <summary>Appends <paramref name="text"/> to the mailbox of every live session <paramref name="recipient"/> selects.</summary>
    public void Post(string text, Func<string, SessionRegistration, bool> recipient, CancellationToken cancellationToken) => state.Locked(() =>
    {
        if (!Directory.Exists(state.SessionsPath)) return;
        foreach (var file in Directory.GetFiles(state.SessionsPath, "*.json"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var registration = Read(file);
            if (registration is null || !IsAlive(registration.ProcessId) || !recipient(id, registration)) continue;
            File.AppendAllText(MailPath(id), text);
        }
    }, cancellationToken);

    /// <summary>A lock-free look: whether anything waits in the session's mailbox.</summary>
    public bool HasMail(string id) => File.Exists(MailPath(id));

    /// <summary>Empties the session's mailbox and returns what was in it.</summary>
    public string Take(string id, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        state.Locked(() =>
        {
            var path = MailPath(id);
            if (!File.Exists(path)) return;
            text = File.ReadAllText(path);
            File.Delete(path);
        }, cancellationToken);
        return text;
    }

    private static SessionRegistration? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<SessionRegistration>(File.ReadAllText(file));
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int processId)
    {
        if (processId == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private string RegistrationPath(string id) => Path.Combine(state.SessionsPath, id + ".json");

    private string MailPath(string id) => Path.Combine(state.SessionsPath, id + ".mail");
}
