using System.Globalization;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// Sees a simulated router's commit in progress from outside, without touching it: the simulator holds an exclusive
/// <c>flock</c> on <c>commit.lock</c> in its state folder for the whole commit (commit delay included), and Linux lists
/// held locks with their inode in <c>/proc/locks</c>.
/// </summary>
internal static class RouterCommitWatch
{
    public static async Task WaitUntilCommittingAsync(string stateDir, TimeSpan timeout)
    {
        var lockFile = Path.Combine(stateDir, "commit.lock");
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(lockFile))
            {
                var inode = (await ExternalCommand.RunAsync("stat", ["-c", "%i", lockFile])).Trim();
                // "1: FLOCK  ADVISORY  WRITE 4711 00:2f:123456 0 EOF": the sixth field ends with the inode.
                var held = (await File.ReadAllLinesAsync("/proc/locks"))
                    .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Any(fields => fields.Length > 5 && fields[1] == "FLOCK"
                        && fields[5].Split(':').Last().Equals(inode, StringComparison.Ordinal));
                if (held) return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"no commit started on the router within {timeout.TotalSeconds} s"));
    }
}
