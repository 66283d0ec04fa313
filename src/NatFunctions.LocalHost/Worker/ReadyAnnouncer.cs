using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NatFunctions.LocalHost.Functions;

namespace NatFunctions.LocalHost.Worker;

/// <summary>Prints the function list and the readiness line tests and scripts wait for:
/// <c>LocalHost ready: http://127.0.0.1:7071 (2 functions)</c>.</summary>
internal sealed class ReadyAnnouncer(IServer server, FunctionRegistry registry, ILoggerFactory loggerFactory)
{
    public void Announce()
    {
        var logger = loggerFactory.CreateLogger("LocalHost");
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var baseAddress = addresses.FirstOrDefault()?.TrimEnd('/') ?? string.Empty;
        var functions = registry.App?.Functions ?? [];
        foreach (var function in functions)
        {
            logger.LogInformation("  {Function}: {Trigger}", function.Name, Describe(function, baseAddress));
        }

        logger.LogInformation("LocalHost ready: {Addresses} ({Count} functions)", string.Join(", ", addresses), functions.Count);
    }

    private string Describe(FunctionDefinition function, string baseAddress)
    {
        if (function.Http is { } http)
        {
            var methods = http.Methods.Count == 0 ? "ALL" : string.Join(",", http.Methods.Order(StringComparer.Ordinal));
            return $"[{methods}] {baseAddress}/{http.Route.Text}";
        }

        var timer = registry.App?.Timers.FirstOrDefault(scheduled => scheduled.Function == function);
        return function.Timer is not null
            ? timer is null ? "timerTrigger (not scheduled, see error above)" : $"timerTrigger ({timer.Expression})"
            : $"{function.TriggerType} (not triggered by this host)";
    }
}
