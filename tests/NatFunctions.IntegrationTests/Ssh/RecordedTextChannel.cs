using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// Replays terminal text captured from VyOS (one chunk per line sent) for output no process here can produce, such as
/// a <c>wall</c> broadcast landing right after a prompt. Records what was sent.
/// </summary>
internal sealed class RecordedTextChannel(string greeting, IReadOnlyDictionary<string, string[]> replies) : IRouterTextChannel
{
    private readonly Queue<string> chunks = new([greeting]);

    public List<string> Sent { get; } = [];

    public Task SendLineAsync(string line, CancellationToken cancellationToken)
    {
        Sent.Add(line);
        foreach (var chunk in replies.TryGetValue(line, out var reply) ? reply : [])
        {
            chunks.Enqueue(chunk);
        }

        return Task.CompletedTask;
    }

    public Task<string?> ReceiveAsync(CancellationToken cancellationToken) =>
        Task.FromResult(chunks.TryDequeue(out var chunk) ? chunk : null);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
