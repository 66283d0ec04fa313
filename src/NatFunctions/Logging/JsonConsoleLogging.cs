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

        // Framework chatter (a line per SQL command, four per request) would bury the app's own lines; warnings stay.
        // Logging:Console:LogLevel settings still override these for a debugging session.
        logging.AddFilter<ConsoleLoggerProvider>("Microsoft", LogLevel.Warning);
        logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Hosting.Lifetime", LogLevel.Information);
        return logging;
    }
}
