using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NatFunctions.Logging;

public static class JsonConsoleLogging
{
    /// <summary>
    /// Writes the worker's log to stdout as JSON lines (<see cref="JsonLineConsoleFormatter"/>), beside the logs the
    /// Functions host receives over its channel. Log shippers and `grep`/`jq` read stdout; nothing else changes.
    /// </summary>
    public static ILoggingBuilder AddJsonLineConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole(options => options.FormatterName = JsonLineConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<JsonLineConsoleFormatter, ConsoleFormatterOptions>();

        // Framework chatter (a line per SQL command, four per request) would bury the app's own lines and, sent to the
        // host over gRPC and on to Application Insights, cost more than the request itself (it halved read throughput
        // in the load harness). Warnings stay. These apply to every provider; a more specific category in
        // Logging:LogLevel (e.g. Microsoft.EntityFrameworkCore.Database.Command=Information) still wins when debugging.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);

        // The host shows the worker's stdout too, so a category raised in Logging:LogLevel for a debugging session
        // appears once (through the host), not twice; Logging:Console:LogLevel still raises it on stdout.
        logging.AddFilter<ConsoleLoggerProvider>("Microsoft", LogLevel.Warning);
        logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Hosting.Lifetime", LogLevel.Information);
        return logging;
    }
}
