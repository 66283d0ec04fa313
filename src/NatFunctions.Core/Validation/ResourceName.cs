using System.Text.RegularExpressions;

namespace NatFunctions.Core.Validation;

/// <summary>
/// The one name shape used for machine ids, custom port names, pool and key names: lower-case DNS label.
/// It cannot carry quotes, spaces or shell metacharacters, so it is safe in a VyOS description or node name.
/// </summary>
public static partial class ResourceName
{
    public const string Rule = "lower-case letters, digits and '-', 1 to 63 characters, starting and ending with a letter or digit";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    // Anchored and linear over a bounded run: no match timeout, which only ever fired on valid input when the CPU was
    // starved (a RegexMatchTimeoutException answered a valid pool name with a 500 at load 24).
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
