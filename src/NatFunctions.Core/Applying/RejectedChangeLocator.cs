using System.Globalization;
using System.Text.RegularExpressions;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Finds which change of a batch VyOS rejected: the change whose command was refused at <c>set</c> time, or the rule a
/// commit error names (<c>Destination NAT configuration error in rule 10010: …</c>,
/// <c>… destination nat rule "10010"</c>), or the DHCP mapping it names. Null when the router did not say; the
/// applier then bisects. Warnings are never blamed: VyOS prints one per rule it merely doubts (an inbound interface
/// that does not exist yet) before the error that stops the commit, 1.3 as one line <c>WARNING: rule "N" interface …
/// does not exist on this system</c> (equuleus:src/conf_mode/nat.py verify()), 1.4/1.5 as a paragraph between blank
/// lines starting <c>WARNING: </c> or <c>DEPRECATION WARNING: </c> (sagitta/circinus:python/vyos/base.py BaseWarning,
/// src/conf_mode/nat.py verify(): <c>Interface "eth9" for destination NAT rule "N" does not exist!</c>).
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

        var message = WithoutWarnings(result.Message ?? string.Empty);
        foreach (Match match in RuleNumberInMessage().Matches(message))
        {
            var number = int.Parse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var byRule = batch.FirstOrDefault(change => change.RuleNumber == number);
            if (byRule is not null) return byRule;
        }

        return batch.FirstOrDefault(change => change.MappingName is { } name && MentionsWord(message, name));
    }

    /// <summary>The message without its warnings: a warning line and the lines wrapped from it, up to a blank line or an error.</summary>
    public static string WithoutWarnings(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Contains("WARNING:", StringComparison.Ordinal)) return message;
        var kept = new List<string>();
        var inWarning = false;
        foreach (var line in message.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("WARNING:", StringComparison.Ordinal) || trimmed.StartsWith("DEPRECATION WARNING:", StringComparison.Ordinal))
            {
                inWarning = true;
                continue;
            }

            if (inWarning && trimmed.Length > 0 && !ErrorStart().IsMatch(trimmed)) continue;
            inWarning = false;
            kept.Add(line);
        }

        return string.Join('\n', kept);
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

    // What begins an error or the commit's own framing rather than a wrapped warning line.
    [GeneratedRegex(@"^(?:(?:Destination|Source) NAT configuration error|\[\[|\[ |Commit failed|Failed to generate|Configured |DHCP |Unique subnet ID|Subnet ID|Invalid |Only one|Protocol must)")]
    private static partial Regex ErrorStart();

    [GeneratedRegex("""rule\s+"?(?<number>[0-9]{1,6})\b""", RegexOptions.IgnoreCase)]
    private static partial Regex RuleNumberInMessage();
}
