using NatFunctions.Core.Results;

namespace NatFunctions.Core.Pools;

/// <summary>An inclusive range of external ports, 1–65535.</summary>
public sealed record PortRange(int Start, int End)
{
    public const int LowestPort = 1;
    public const int HighestPort = 65535;
    public const string PortRule = "a port number from 1 to 65535";

    public int Size => End - Start + 1;

    public static PortRange? Parse(int? start, int? end, FieldErrors errors)
    {
        var startValid = IsPort(start);
        var endValid = IsPort(end);
        if (!startValid)
        {
            errors.Add("start_port", $"is required: {PortRule}");
        }

        if (!endValid)
        {
            errors.Add("end_port", $"is required: {PortRule}");
        }

        if (!startValid || !endValid)
        {
            return null;
        }

        if (start > end)
        {
            errors.Add("start_port", "must not be greater than end_port");
            return null;
        }

        return new PortRange(start!.Value, end!.Value);
    }

    public bool Contains(int port) => port >= Start && port <= End;

    public bool Overlaps(PortRange other) => Start <= other.End && other.Start <= End;

    public override string ToString() => $"{Start}-{End}";

    private static bool IsPort(int? port) => port is >= LowestPort and <= HighestPort;
}
