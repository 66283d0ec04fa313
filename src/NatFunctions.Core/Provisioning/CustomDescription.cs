using System.Text.RegularExpressions;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// The caller's free text appended to a rule description. Deliberately narrower than what VyOS can quote: no
/// quotes, backslashes, semicolons, <c>$</c>, backticks, brackets or control characters, so nothing in it can mean
/// anything to a shell or to a log reader, and at most 100 characters so the whole description stays under
/// VyOS's 255-character limit whatever the marker, machine id and port name.
/// </summary>
public static partial class CustomDescription
{
    public const int MaxLength = 100;
    public const string Rule = "1 to 100 characters: letters, digits, space and . , : / + = @ # _ -, starting with a letter or digit";

    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    // Anchored and linear over a bounded run: no match timeout, which only ever fired on valid input when the CPU was
    // starved (a RegexMatchTimeoutException answered a valid pool name with a 500 at load 24).
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 .,:/+=@#_-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
