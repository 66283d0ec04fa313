using System.Text.Json;
using System.Text.Json.Serialization;

namespace NatFunctions.VyosSimulator.State;

/// <summary>
/// Faults for tests. Given on the command line, and overridden per field by <c>DIR/faults.json</c>, which is
/// re-read before every command so a test can change faults without restarting sshd, e.g.
/// <c>{"dropAfterCommands": 3, "dropAfterCommit": false, "failCommit": "boom", "failSave": "Error: …", "commitDelayMs": 2000, "commandDelayMs": 5, "rebootMs": 5000, "writeNoticeAtCommands": [4],
/// "concurrentSetsAfterCommit": ["set system host-name 'x'"],
/// "concurrentSetsBeforeCommit": ["set …"], "minuteMs": 3000, "swallowCommitFailure": true}</c>.
/// </summary>
internal sealed record FaultSettings
{
    public const string FileName = "faults.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>After this many commands of a session the connection drops (the process exits with 255).</summary>
    [JsonPropertyName("dropAfterCommands")]
    public int? DropAfterCommands { get; init; }

    /// <summary>The process exits right after a commit took effect, before printing anything.</summary>
    [JsonPropertyName("dropAfterCommit")]
    public bool? DropAfterCommit { get; init; }

    /// <summary>Every commit fails with this message, framed like a conf-script error of the first changed owner (nat, service dhcp-server, else the top-level node).</summary>
    [JsonPropertyName("failCommit")]
    public string? FailCommit { get; init; }

    /// <summary><c>save</c> prints this (e.g. a disk-full error) and leaves the saved configuration as it was.</summary>
    [JsonPropertyName("failSave")]
    public string? FailSave { get; init; }

    [JsonPropertyName("commitDelayMs")]
    public int? CommitDelayMs { get; init; }

    /// <summary>The cost of every <c>set</c>/<c>delete</c> (VyOS runs my_set/my_delete, a process each).</summary>
    [JsonPropertyName("commandDelayMs")]
    public int? CommandDelayMs { get; init; }

    /// <summary>How long a commit-confirm reboot (1.3/1.4) keeps the router down; overrides <c>--reboot-ms</c>.</summary>
    [JsonPropertyName("rebootMs")]
    public int? RebootMs { get; init; }

    /// <summary>
    /// Numbers of commands of an interactive session (1 = the first) in the middle of whose output a <c>write</c>
    /// notice arrives, as when an operator commits from another configure session (vyatta-cfg-notify).
    /// </summary>
    [JsonPropertyName("writeNoticeAtCommands")]
    public IReadOnlyList<int>? WriteNoticeAtCommands { get; init; }

    /// <summary>
    /// <c>set</c> lines another admin commits right behind every successful commit (same instant, so the committing
    /// session's read-back already shows them): a read-back that differs from what the session sent.
    /// </summary>
    [JsonPropertyName("concurrentSetsAfterCommit")]
    public IReadOnlyList<string>? ConcurrentSetsAfterCommit { get; init; }

    /// <summary>
    /// <c>set</c> lines another admin committed while this session was editing, active just before every commit of
    /// this session runs: the commit's verify() sees them merged with the session's changes (a foreign mapping that
    /// takes the MAC of one the session adds, after the session read the configuration).
    /// </summary>
    [JsonPropertyName("concurrentSetsBeforeCommit")]
    public IReadOnlyList<string>? ConcurrentSetsBeforeCommit { get; init; }

    /// <summary>Length of a commit-confirm minute for commits made while this is set (overrides <c>--minute-ms</c>).</summary>
    [JsonPropertyName("minuteMs")]
    public int? MinuteMs { get; init; }

    /// <summary>
    /// HTTP API on 1.3/1.4 only: a commit that failed (e.g. with <c>failCommit</c>) still answers success, the T6326
    /// shape (under vyos-configd the conf-script error went to the session tty, not to the API's caller; fixed by
    /// vyos-1x 8e902ffa7 on current only). Nothing goes active.
    /// </summary>
    [JsonPropertyName("swallowCommitFailure")]
    public bool? SwallowCommitFailure { get; init; }

    public FaultSettings OverriddenBy(FaultSettings other) => new()
    {
        SwallowCommitFailure = other.SwallowCommitFailure ?? SwallowCommitFailure,
        DropAfterCommands = other.DropAfterCommands ?? DropAfterCommands,
        DropAfterCommit = other.DropAfterCommit ?? DropAfterCommit,
        FailCommit = other.FailCommit ?? FailCommit,
        FailSave = other.FailSave ?? FailSave,
        CommitDelayMs = other.CommitDelayMs ?? CommitDelayMs,
        CommandDelayMs = other.CommandDelayMs ?? CommandDelayMs,
        RebootMs = other.RebootMs ?? RebootMs,
        WriteNoticeAtCommands = other.WriteNoticeAtCommands ?? WriteNoticeAtCommands,
        ConcurrentSetsAfterCommit = other.ConcurrentSetsAfterCommit ?? ConcurrentSetsAfterCommit,
        ConcurrentSetsBeforeCommit = other.ConcurrentSetsBeforeCommit ?? ConcurrentSetsBeforeCommit,
        MinuteMs = other.MinuteMs ?? MinuteMs,
    };

    public static FaultSettings ReadFile(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        if (!File.Exists(path)) return new FaultSettings();
        try
        {
            return JsonSerializer.Deserialize<FaultSettings>(File.ReadAllText(path), JsonOptions) ?? new FaultSettings();
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            // A test may be rewriting the file right now; the next command reads it again.
            return new FaultSettings();
        }
    }
}
