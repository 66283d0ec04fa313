using System.Globalization;
using System.Text.RegularExpressions;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Finds which change of a batch VyOS rejected: the change whose command was refused at <c>set</c> time, or the rule a
/// commit error names (<c>Destination NAT configuration error in rule 10010: …</c>,
/// <c>… destination nat rule "10010"</c>), or the DHCP mapping it names. Null when the router did not say; the
/// applier then bisects.
/// </summary>
public static partial class RejectedChangeLocator
{
    public static PlannedChange? Locate(IReadOnlyList<PlannedChange> batch, RouterSessionResult result)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        if (result.FailedCommand is { } failed && RouterChangeRequest.FindProblem(failed) is null)
        {
            var byCommand = batch.FirstOrDefault(change => change.Commands.Any(command => command.Text == failed));
            if (byCommand is not null) return byCommand;
        }

        var message = result.Message ?? string.Empty;
        foreach (Match match in RuleNumberInMessage().Matches(message))
        {
            var number = int.Parse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var byRule = batch.FirstOrDefault(change => change.RuleNumber == number);
            if (byRule is not null) return byRule;
        }

        return batch.FirstOrDefault(change => change.MappingName is { } name && MentionsWord(message, name));
    }

    private static bool MentionsWord(string message, string word)
    {
        var index = message.IndexOf(word, StringComparison.Ordinal);
        while (index >= 0)
        {
            var end = index + word.Length;
            var before = index == 0 || !IsNameChar(message[index - 1]);
            var after = end >= message.Length || !IsNameChar(message[end]);
            if (before && after) return true;
            index = message.IndexOf(word, index + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';

    [GeneratedRegex("""rule\s+"?(?<number>[0-9]{1,6})\b""", RegexOptions.IgnoreCase)]
    private static partial Regex RuleNumberInMessage();
}
