namespace NatFunctions.LoadTests;

/// <summary>The machine's 1, 5 and 15 minute load averages (/proc/loadavg): the figures are only as quiet as the machine.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }
}
