using System.Text.RegularExpressions;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Refusals that blame the router's setup, not an object: VyOS saying a path the product writes does not exist
/// ("Configuration path: [● ● ●] is not valid", vyatta-cfg sagitta:src/cstore/cstore.cpp get_parsed_tmpl()). The
/// product renders every object from the router's <c>VyosVersion</c> setting, so such a path is wrong for every object
/// alike: a wrong setting, or the product's model of that version. Value errors ("Value validation failed") do
/// blame the object.
/// </summary>
public static partial class RouterLevelRefusal
{
    /// <summary>The words every stored reason of this kind holds, for a cheap database pre-filter.</summary>
    public const string Marker = "is not valid";

    public static bool IsUnknownPath(string? routerOutput) => routerOutput is not null && UnknownPath().IsMatch(routerOutput);

    [GeneratedRegex(@"^\s*Configuration path: .* is not valid\s*$", RegexOptions.Multiline)]
    private static partial Regex UnknownPath();
}
