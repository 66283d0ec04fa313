using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// <c>compare</c> output. VyOS prints a curly-brace context diff; the simulator prints the changed
/// <c>show configuration commands</c> lines, removed ones as <c>- set …</c> and added ones as <c>+ set …</c>
/// (<c>compare commands</c>: <c>delete …</c> / <c>set …</c>). Callers that only test for "No changes" see VyOS's texts.
/// </summary>
internal static class ConfigComparison
{
    public static IReadOnlyList<string> Diff(ConfigStore from, ConfigStore to, bool asCommands)
    {
        var before = ConfigCommandsPrinter.Lines(from).ToList();
        var after = ConfigCommandsPrinter.Lines(to).ToList();
        var afterSet = after.ToHashSet(StringComparer.Ordinal);
        var beforeSet = before.ToHashSet(StringComparer.Ordinal);

        var removed = before.Where(line => !afterSet.Contains(line));
        var added = after.Where(line => !beforeSet.Contains(line));
        return asCommands
            ? [.. removed.Select(line => "delete" + line["set".Length..]), .. added]
            : [.. removed.Select(line => "- " + line), .. added.Select(line => "+ " + line)];
    }
}
