using System.Diagnostics;
using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>
/// The CPU time (user + system, all threads) one process has used so far, as the runtime reports it
/// (<see cref="Process.TotalProcessorTime"/>: on Linux utime + stime from <c>/proc/&lt;pid&gt;/stat</c>, in clock ticks
/// of 10 ms), so the difference over a run is that process's own cost, whatever else the shared machine runs.
/// </summary>
internal sealed class ProcessCpuClock(int processId)
{
    public int ProcessId => processId;

    public TimeSpan Now()
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }

    /// <summary>The child of <paramref name="parentId"/> whose command line contains <paramref name="commandLinePart"/> (Linux /proc).</summary>
    /// <exception cref="InvalidOperationException">No such child.</exception>
    public static ProcessCpuClock ChildOf(int parentId, string commandLinePart)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parentId
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(commandLinePart, StringComparison.Ordinal))
                {
                    return new ProcessCpuClock(id);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        throw new InvalidOperationException($"Process {parentId} has no child running {commandLinePart}.");
    }
}
