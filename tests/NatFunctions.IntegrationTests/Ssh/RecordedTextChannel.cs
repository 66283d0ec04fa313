using System.Threading.Channels;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// Replays terminal text captured from VyOS (one chunk per line sent) for output no process here can produce, such as
/// a <c>wall</c> broadcast landing right after a prompt. Records what was sent. With nothing left to replay, the channel
/// closes, or with <paramref name="hangWhenIdle"/> waits, like a router that stopped answering.
/// </summary>
internal sealed class RecordedTextChannel(string greeting, IReadOnlyDictionary<string, string[]> replies, bool hangWhenIdle = false) : IRouterTextChannel
{
    private readonly Channel<string> chunks = CreateChunks(greeting);

    public List<string> Sent { get; } = [];

    /// <summary>A key sent alone is recorded (and its reply looked up) as <c>key X</c>, so a test tells it from a line.</summary>
    public Task SendKeyAsync(char key, CancellationToken cancellationToken) => SendLineAsync($"key {key}", cancellationToken);

    public Task SendLineAsync(string line, CancellationToken cancellationToken)
    {
        Sent.Add(line);
        foreach (var chunk in replies.TryGetValue(line, out var reply) ? reply : [])
        {
            chunks.Writer.TryWrite(chunk);
        }

        return Task.CompletedTask;
    }

    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (hangWhenIdle) return await chunks.Reader.ReadAsync(cancellationToken);
        return chunks.Reader.TryRead(out var chunk) ? chunk : null;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Channel<string> CreateChunks(string greeting)
    {
        var channel = Channel.CreateUnbounded<string>();
        channel.Writer.TryWrite(greeting);
        return channel;
    }
}
