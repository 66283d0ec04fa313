using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace NatFunctions.Logging;

/// <summary>
/// One JSON object per line: <c>timestamp</c>, <c>level</c>, <c>category</c>, <c>message</c>, <c>exception</c>
/// (type, message, stack trace), then every scope value and message property as a snake_case field (so
/// <c>correlation_id</c>, <c>actor</c>, <c>machine_id</c>, <c>router</c>, <c>change_id</c> appear whenever they
/// are known). The first field of a name wins; the core fields cannot be overwritten.
/// </summary>
public sealed class JsonLineConsoleFormatter(TimeProvider timeProvider) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "natfunctions-json";

    private const string OriginalFormatKey = "{OriginalFormat}";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Logs are read by machines and people; escaping '<' or '+' as \u003C would only obscure them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var written = new HashSet<string>(StringComparer.Ordinal) { "timestamp", "level", "category", "event_id", "message", "exception" };
            writer.WriteStartObject();
            writer.WriteString("timestamp", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("level", LevelName(logEntry.LogLevel));
            writer.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                writer.WriteNumber("event_id", logEntry.EventId.Id);
            }

            writer.WriteString("message", message);
            if (logEntry.Exception is { } exception)
            {
                WriteException(writer, exception);
            }

            scopeProvider?.ForEachScope(
                (scope, state) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    {
                        WriteFields(state.Writer, state.Written, values);
                    }
                },
                (Writer: writer, Written: written));

            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                WriteFields(writer, written, properties);
            }

            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteException(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject("exception");
        writer.WriteString("type", exception.GetType().FullName);
        writer.WriteString("message", exception.Message);
        if (exception.StackTrace is { } stackTrace)
        {
            writer.WriteString("stack_trace", stackTrace);
        }

        if (exception.InnerException is { } inner)
        {
            WriteException(writer, inner);
        }

        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, HashSet<string> written, IEnumerable<KeyValuePair<string, object?>> values)
    {
        foreach (var (key, value) in values)
        {
            if (key == OriginalFormatKey)
            {
                continue;
            }

            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(key.TrimStart('@'));
            if (!written.Add(name))
            {
                continue;
            }

            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "information",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
