using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.LoadTests;

/// <summary>
/// The cost of one read session (<c>show configuration commands</c>) through the product's router client, with the
/// connection reused (one client for all sessions, as the app runs) and without (a new client, so a new TCP
/// connection, key exchange and login, for every session).
/// </summary>
internal static class SshReuseMeasurement
{
    public static async Task<string> RunAsync(SshRouterServer server, int sessions, CancellationToken cancellationToken)
    {
        var settings = server.RouterSettings(LoadStack.RouterName);
        var reused = new List<TimeSpan>();
        using (var factory = new RouterClientFactory([settings], NullLoggerFactory.Instance, TimeProvider.System))
        {
            var client = factory.Get(settings.Name);
            await client.ReadConfigurationCommandsAsync(cancellationToken);
            for (var session = 0; session < sessions; session++)
            {
                reused.Add(await TimeAsync(client, cancellationToken));
            }
        }

        var fresh = new List<TimeSpan>();
        for (var session = 0; session < sessions; session++)
        {
            using var factory = new RouterClientFactory([settings], NullLoggerFactory.Instance, TimeProvider.System);
            fresh.Add(await TimeAsync(factory.Get(settings.Name), cancellationToken));
        }

        var withReuse = LatencySummary.Of(reused);
        var withoutReuse = LatencySummary.Of(fresh);
        return string.Create(CultureInfo.InvariantCulture, $"""
            ssh session (show configuration commands), {sessions} sessions each:
              reused connection  mean {reused.Average(t => t.TotalMilliseconds):F1} ms, {withReuse}
              new connection     mean {fresh.Average(t => t.TotalMilliseconds):F1} ms, {withoutReuse}
            """);
    }

    private static async Task<TimeSpan> TimeAsync(IRouterClient client, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        await client.ReadConfigurationCommandsAsync(cancellationToken);
        return timer.Elapsed;
    }
}
