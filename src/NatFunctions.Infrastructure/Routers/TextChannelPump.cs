using System.Threading.Channels;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Turns a blocking or callback-style reader into awaitable, cancellable chunks. The reading side writes text and
/// completes; <see cref="ReceiveAsync"/> gives null after completion, so end of stream is never confused with a timeout.
/// </summary>
internal sealed class TextChannelPump
{
    private readonly Channel<string> chunks = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(string text)
    {
        if (text.Length > 0)
        {
            chunks.Writer.TryWrite(text);
        }
    }

    public void Complete() => chunks.Writer.TryComplete();

    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (await chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (chunks.Reader.TryRead(out var text))
            {
                return text;
            }
        }

        return null;
    }
}
