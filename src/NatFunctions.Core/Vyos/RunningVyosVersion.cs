using System.Text.RegularExpressions;

namespace NatFunctions.Core.Vyos;

/// <summary>
/// What a router's <c>show version</c> says it runs: the <c>Version:</c> and <c>Release train:</c> lines, and the
/// release line (<see cref="VyosVersion"/>) they map to, or null when neither maps to a line the product knows.
/// </summary>
/// <remarks>
/// The text is VyOS's own template: equuleus:src/op_mode/show_version.py and sagitta/circinus:src/op_mode/version.py
/// print <c>Version:          VyOS {version}</c> and <c>Release train:    {release_train}</c> (the version string comes
/// from the image's version.json, written by the image build). Mapping, first match wins (decision 0020):
/// a version that starts with <c>1.3</c>, <c>1.4</c> or <c>1.5</c> (releases <c>1.3.8</c>, <c>1.4.0-epa1</c>, rolling
/// <c>1.4-rolling-202308240020</c>, <c>1.5-rolling-202409250007</c>, stream <c>1.5-stream-2025-Q1</c>) is that line;
/// otherwise the release train: <c>equuleus</c> = 1.3, <c>sagitta</c> = 1.4, <c>circinus</c> = 1.5 (date-named
/// rolling images such as <c>2025.01.13-0020-rolling</c> carry no line number, only the train). Anything else
/// (a newer train such as <c>current</c>, a 1.2 router, unreadable output) is unknown: not a mismatch, but a preflight
/// warning, because the product cannot tell which syntax the router speaks.
/// </remarks>
public sealed partial record RunningVyosVersion(string? VersionText, string? ReleaseTrain, VyosVersion? Line)
{
    private static readonly Dictionary<string, VyosVersion> LinesByTrain = new(StringComparer.OrdinalIgnoreCase)
    {
        ["equuleus"] = VyosVersion.V1_3,
        ["sagitta"] = VyosVersion.V1_4,
        ["circinus"] = VyosVersion.V1_5,
    };

    /// <summary>Reads <c>show version</c> output; never throws (lines it cannot find stay null).</summary>
    public static RunningVyosVersion Parse(string? showVersionOutput)
    {
        var text = showVersionOutput ?? string.Empty;
        var version = FieldValue(VersionLine().Match(text));
        var train = FieldValue(ReleaseTrainLine().Match(text));
        VyosVersion? line = null;
        var numbered = version is null ? Match.Empty : LineNumber().Match(version);
        if (numbered.Success)
        {
            VyosVersion.TryParse(numbered.Groups["line"].Value, out line);
        }

        if (line is null && train is not null && LinesByTrain.TryGetValue(train, out var byTrain))
        {
            line = byTrain;
        }

        return new RunningVyosVersion(version, train, line);
    }

    /// <summary>True only when the router's line is known and differs: an unknown version is no proof of a wrong setting.</summary>
    public bool Contradicts(VyosVersion configured) => Line is not null && Line != configured;

    /// <summary>How the router described itself, for messages: <c>VyOS 1.4.0-epa1 (release train sagitta)</c>.</summary>
    public string Description =>
        (VersionText is null ? "an unknown VyOS version" : "VyOS " + VersionText)
        + (ReleaseTrain is null ? string.Empty : $" (release train {ReleaseTrain})");

    /// <summary>The router-level message when the setting and the router disagree, with the fix.</summary>
    public string MismatchMessage(string routerName, VyosVersion configured) =>
        $"the router runs {Description}, which is VyOS {Line}, but Routers:{routerName}:VyosVersion is {configured}; "
        + $"nothing was sent. Set Routers:{routerName}:VyosVersion to {Line} and restart the app (the product writes {configured} paths that this router refuses or reads differently)";

    private static string? FieldValue(Match match) => match.Success ? match.Groups["value"].Value.Trim() : null;

    // "Version:          VyOS 1.4.0" (the template pads with spaces; "VyOS " comes before the version string).
    [GeneratedRegex(@"^\s*Version:\s+(?:VyOS\s+)?(?<value>\S[^\r\n]*)$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    // "Release train:    sagitta" (1.3 prints it too: equuleus:src/op_mode/show_version.py).
    [GeneratedRegex(@"^\s*Release train:\s+(?<value>\S[^\r\n]*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseTrainLine();

    // "1.4.0-epa1", "1.5-rolling-…", "1.3.8", "vyos-1.4-rolling-…" (version.json's remote form): MAJOR.MINOR then end or a separator.
    [GeneratedRegex(@"^(?:vyos-)?(?<line>1\.[0-9]+)(?:$|[.\-+])", RegexOptions.IgnoreCase)]
    private static partial Regex LineNumber();
}
