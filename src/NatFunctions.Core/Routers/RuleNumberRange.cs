using System.Globalization;

namespace NatFunctions.Core.Routers;

/// <summary>
/// The NAT rule numbers NatFunctions may own on a router (setting <c>ManagedRules</c>, e.g. <c>10000-19999</c>).
/// VyOS accepts destination rule numbers 1–999999.
/// </summary>
public sealed record RuleNumberRange
{
    public const int LowestRuleNumber = 1;
    public const int HighestRuleNumber = 999999;

    public RuleNumberRange(int first, int last)
    {
        if (first < LowestRuleNumber || last > HighestRuleNumber || first > last)
        {
            throw new ArgumentOutOfRangeException(
                nameof(first),
                $"A rule range must satisfy {LowestRuleNumber} <= first <= last <= {HighestRuleNumber}; got {first}-{last}.");
        }

        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    public int Count => Last - First + 1;

    public bool Contains(int ruleNumber) => ruleNumber >= First && ruleNumber <= Last;

    /// <summary>Parses <c>first-last</c>; the error names what is wrong so it can go straight into a settings error.</summary>
    public static bool TryParse(string? text, out RuleNumberRange? range, out string? error)
    {
        range = null;
        error = null;
        var parts = (text ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            error = $"'{text}' is not a rule range; write it as FIRST-LAST, e.g. 10000-19999";
            return false;
        }

        if (first < LowestRuleNumber || last > HighestRuleNumber)
        {
            error = $"'{text}' is outside the VyOS rule numbers {LowestRuleNumber}-{HighestRuleNumber}";
            return false;
        }

        if (first > last)
        {
            error = $"'{text}' starts after it ends";
            return false;
        }

        range = new RuleNumberRange(first, last);
        return true;
    }

    public override string ToString() => $"{First.ToString(CultureInfo.InvariantCulture)}-{Last.ToString(CultureInfo.InvariantCulture)}";
}
