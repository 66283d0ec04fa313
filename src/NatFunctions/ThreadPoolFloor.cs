using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NatFunctions;

/// <summary>
/// Raises the thread pool's minimum (<c>Worker:MinThreads</c>, default 32) before the first request. The ASP.NET Core
/// integration pairs each proxied HTTP request with its gRPC invocation and gives up after 5 s; when a burst blocks
/// pool threads (Microsoft.Data.Sqlite waits for the writer lock by sleeping, SSH.NET opens channels synchronously)
/// the pool grows by about two threads a second, the invocation message waits for a thread, and callers got 500s.
/// Idle threads above the floor cost nothing until a burst needs them.
/// </summary>
public static class ThreadPoolFloor
{
    public const int DefaultMinThreads = 32;

    /// <exception cref="InvalidOperationException">Worker:MinThreads is not a whole number from 1 to 4096.</exception>
    public static int Apply(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["Worker:MinThreads"];
        var floor = DefaultMinThreads;
        if (!string.IsNullOrWhiteSpace(text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out floor) || floor is < 1 or > 4096))
        {
            throw new InvalidOperationException($"Worker:MinThreads '{text}' must be a whole number from 1 to 4096");
        }

        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, floor), Math.Max(completionPorts, floor));
        return floor;
    }
}
