namespace NatFunctions.Core.Provisioning;

/// <summary>
/// Picks the lowest value of a range that is neither taken nor reserved. Lowest-first keeps allocations dense and
/// predictable; a linear scan is fine because ranges are at most 65535 ports or a pool's addresses.
/// </summary>
public static class FreeValueFinder
{
    public static long? Lowest(long first, long last, Func<long, bool> isTaken)
    {
        for (var candidate = first; candidate <= last; candidate++)
        {
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
