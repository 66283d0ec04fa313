using NatFunctions.VyosSimulator.Config;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// <c>init --state-dir DIR [--config FILE]</c>: makes FILE (<c>show configuration commands</c> text) the active and
/// saved configuration. The text is kept as given (blank lines dropped), so <c>show configuration commands</c>
/// prints it back exactly, even where the parser's rendering might differ; such a difference is reported on stderr.
/// </summary>
internal static class InitCommand
{
    public static int Run(Dictionary<string, string?> options, TextWriter error)
    {
        var stateDirectory = options.GetValueOrDefault("state-dir") ?? throw new ArgumentException("--state-dir is required.");
        var configFile = options.GetValueOrDefault("config");
        var text = configFile is null ? string.Empty : File.ReadAllText(configFile);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(line => line.Length > 0);
        var normalized = string.Concat(lines.Select(line => line + "\n"));

        var rendered = ConfigCommandsPrinter.Print(ConfigCommandsReader.Read(normalized));
        if (rendered != normalized)
        {
            error.Write("vyos-sim: warning: the configuration is not in VyOS order; it prints back as given until the first commit, sorted after.\n");
        }

        new StateDirectory(stateDirectory).Initialize(normalized);
        return 0;
    }
}
