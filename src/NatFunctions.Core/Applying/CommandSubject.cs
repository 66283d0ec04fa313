using System.Globalization;
using NatFunctions.Core.Planning;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Whether a recorded <c>set</c>/<c>delete</c> line is about a planned change's object: its path holds
/// <c>destination rule N</c> for a NAT rule or <c>static-mapping NAME</c> for a DHCP mapping.
/// </summary>
public static class CommandSubject
{
    public static bool Touches(string commandLine, PlannedChange change)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(change);
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word.Trim('\'', '"')).ToList();
        for (var index = 0; index + 1 < words.Count; index++)
        {
            if (change.RuleNumber is { } number
                && index > 0 && words[index - 1] == "destination" && words[index] == "rule"
                && words[index + 1] == number.ToString(CultureInfo.InvariantCulture))
            {
                return true;
            }

            if (change.MappingName is { } name && words[index] == "static-mapping" && words[index + 1] == name)
            {
                return true;
            }
        }

        return false;
    }
}
