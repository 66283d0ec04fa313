using System.Globalization;
using System.Text.Json;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Command line:
/// <code>
/// init  --state-dir DIR [--config FILE]
/// api   --state-dir DIR --port N --cert FILE --key FILE [--version …] [--command-log FILE] [--commit-delay-ms N] [--command-delay-ms N]
/// shell --state-dir DIR [--version 1.3|1.4|1.5] [--hostname vyos] [--commit-delay-ms N] [--command-delay-ms N] [--minute-ms N] [--reboot-ms N]
///       [--command-log FILE] [--drop-after-commands N] [--drop-after-commit] [--fail-commit MESSAGE] [-c COMMAND]
/// </code>
/// sshd starts a login shell without our options, so anything not given falls back to the environment
/// (<c>VYOS_SIM_STATE_DIR</c>, <c>VYOS_SIM_VERSION</c>, <c>VYOS_SIM_HOSTNAME</c>, <c>VYOS_SIM_COMMIT_DELAY_MS</c>,
/// <c>VYOS_SIM_COMMAND_DELAY_MS</c>, <c>VYOS_SIM_MINUTE_MS</c>, <c>VYOS_SIM_REBOOT_MS</c>, <c>VYOS_SIM_COMMAND_LOG</c>), then to <c>vyos-sim.json</c> next to the assembly, then to <c>~/.vyos-sim.json</c>
/// (same keys as the options without dashes: <c>{"state-dir": "...", "version": "1.4"}</c>). Arguments that do not
/// start with <c>init</c>/<c>shell</c> are read as shell arguments, so a wrapper can pass sshd's <c>-c CMD</c> through.
/// </summary>
internal static class SimulatorCommandLine
{
    public const string Usage = """
        usage: NatFunctions.VyosSimulator init  --state-dir DIR [--config FILE]
               NatFunctions.VyosSimulator api   --state-dir DIR --port N --cert FILE --key FILE [--version 1.3|1.4|1.5]
                                                [--command-log FILE] [--commit-delay-ms N] [--command-delay-ms N] [--fail-commit MESSAGE]
               NatFunctions.VyosSimulator shell --state-dir DIR [--version 1.3|1.4|1.5] [--hostname NAME] [--commit-delay-ms N]
                                                [--command-delay-ms N] [--minute-ms N] [--reboot-ms N] [--command-log FILE]
                                                [--drop-after-commands N] [--drop-after-commit]
                                                [--fail-commit MESSAGE] [-c COMMAND]
        """;

    public static Dictionary<string, string?> ParseOptions(IReadOnlyList<string> arguments)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            switch (argument)
            {
                case "--drop-after-commit":
                    options["drop-after-commit"] = "true";
                    break;
                case "-l" or "-i" or "--login":
                    // bash login/interactive flags a login shell may receive; the session type comes from stdin and -c.
                    break;
                case "-c":
                    options["command"] = RequireValue(arguments, ref i, argument);
                    break;
                default:
                    if (!argument.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{argument}'.");
                    options[argument[2..]] = RequireValue(arguments, ref i, argument);
                    break;
            }
        }

        return options;
    }

    public static ShellOptions ToShellOptions(Dictionary<string, string?> options)
    {
        string? Setting(string key, string environmentVariable) =>
            options.GetValueOrDefault(key) ?? Environment.GetEnvironmentVariable(environmentVariable) ?? FileSettings.Value.GetValueOrDefault(key);

        var stateDirectory = Setting("state-dir", "VYOS_SIM_STATE_DIR")
            ?? throw new ArgumentException("--state-dir is required (or VYOS_SIM_STATE_DIR, or vyos-sim.json).");
        var defaults = new ShellOptions { StateDirectory = stateDirectory };
        return defaults with
        {
            Version = Setting("version", "VYOS_SIM_VERSION") is { } version ? VyosRelease.Parse(version) : defaults.Version,
            HostName = Setting("hostname", "VYOS_SIM_HOSTNAME") ?? defaults.HostName,
            MinuteMilliseconds = Number(Setting("minute-ms", "VYOS_SIM_MINUTE_MS")) ?? defaults.MinuteMilliseconds,
            RebootMilliseconds = Number(Setting("reboot-ms", "VYOS_SIM_REBOOT_MS")) ?? defaults.RebootMilliseconds,
            CommandLogPath = Setting("command-log", "VYOS_SIM_COMMAND_LOG"),
            Command = options.GetValueOrDefault("command"),
            Faults = new FaultSettings
            {
                CommitDelayMs = Number(Setting("commit-delay-ms", "VYOS_SIM_COMMIT_DELAY_MS")),
                CommandDelayMs = Number(Setting("command-delay-ms", "VYOS_SIM_COMMAND_DELAY_MS")),
                DropAfterCommands = Number(options.GetValueOrDefault("drop-after-commands")),
                DropAfterCommit = options.ContainsKey("drop-after-commit") ? true : null,
                FailCommit = options.GetValueOrDefault("fail-commit"),
            },
        };
    }

    /// <summary><c>api</c>: the shell's router options (state, version, faults, log) plus the HTTPS endpoint.</summary>
    public static Api.ApiOptions ToApiOptions(Dictionary<string, string?> options)
    {
        string Required(string key) => options.GetValueOrDefault(key) ?? throw new ArgumentException($"--{key} is required for api.");

        return new Api.ApiOptions
        {
            Router = ToShellOptions(options),
            Port = Number(Required("port")) ?? 0,
            CertificatePath = Required("cert"),
            KeyPath = Required("key"),
        };
    }

    private static readonly Lazy<Dictionary<string, string?>> FileSettings = new(ReadFileSettings);

    private static Dictionary<string, string?> ReadFileSettings()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "vyos-sim.json"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".vyos-sim.json"),
        };
        foreach (var candidate in candidates.Where(File.Exists))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(candidate));
            return document.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => (string?)property.Value.ToString(), StringComparer.Ordinal);
        }

        return new Dictionary<string, string?>(StringComparer.Ordinal);
    }

    private static int? Number(string? text) => text is null ? null : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string RequireValue(IReadOnlyList<string> arguments, ref int index, string option)
    {
        if (index + 1 >= arguments.Count) throw new ArgumentException($"{option} needs a value.");
        return arguments[++index];
    }
}
