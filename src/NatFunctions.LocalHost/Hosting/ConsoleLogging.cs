using Microsoft.Extensions.Logging.Console;

namespace NatFunctions.LocalHost.Hosting;

/// <summary>One line per entry, so host, worker and test output read (and grep) alike.</summary>
internal static class ConsoleLogging
{
    public static ILoggingBuilder AddLocalHostConsole(this ILoggingBuilder logging)
        => logging.ClearProviders().AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
}
