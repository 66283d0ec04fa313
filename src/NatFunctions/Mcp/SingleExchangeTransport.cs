using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace NatFunctions.Mcp;

/// <summary>
/// The MCP server's transport for one stateless POST: its reader holds the one message the client sent and is then
/// complete, so the server handles that message and stops; the answer to it (a response or an error with the same
/// id) is kept for the HTTP response. Anything else the server would send (progress, log notifications, requests to
/// the client) has nowhere to go without a session and is dropped.
/// </summary>
public sealed class SingleExchangeTransport : ITransport
{
    private readonly Channel<JsonRpcMessage> incoming = Channel.CreateBounded<JsonRpcMessage>(1);
    private readonly RequestId? awaitedId;

    public SingleExchangeTransport(JsonRpcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        awaitedId = (message as JsonRpcRequest)?.Id;
        incoming.Writer.TryWrite(message);
        incoming.Writer.Complete();
    }

    /// <summary>The answer to the client's request; null for a notification (or before the server has answered).</summary>
    public JsonRpcMessage? Answer { get; private set; }

    public string? SessionId => null;

    public ChannelReader<JsonRpcMessage> MessageReader => incoming.Reader;

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        if (awaitedId is { } id && message is JsonRpcMessageWithId answer && answer.Id.Equals(id))
        {
            Answer = message;
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
