namespace NatFunctions.LocalHost.Rpc;

/// <summary>Shows the worker's ILogger output (sent as RpcLog over the stream) in this host's console, under the
/// worker's own category names prefixed with "Worker.".</summary>
internal sealed class WorkerLogRelay(ILoggerFactory loggerFactory)
{
    public void Write(RpcLog log)
    {
        var logger = loggerFactory.CreateLogger(string.IsNullOrEmpty(log.Category) ? "Worker" : $"Worker.{log.Category}");
        var level = ToLogLevel(log.Level);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        if (log.Exception is { } exception)
        {
            logger.Log(level, "{Message}{NewLine}{ExceptionType}: {ExceptionMessage}{NewLine}{StackTrace}",
                log.Message, Environment.NewLine, exception.Type, exception.Message, Environment.NewLine, exception.StackTrace);
            return;
        }

        logger.Log(level, "{Message}", log.Message);
    }

    private static LogLevel ToLogLevel(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => LogLevel.Trace,
        RpcLog.Types.Level.Debug => LogLevel.Debug,
        RpcLog.Types.Level.Information => LogLevel.Information,
        RpcLog.Types.Level.Warning => LogLevel.Warning,
        RpcLog.Types.Level.Error => LogLevel.Error,
        RpcLog.Types.Level.Critical => LogLevel.Critical,
        _ => LogLevel.None,
    };
}
