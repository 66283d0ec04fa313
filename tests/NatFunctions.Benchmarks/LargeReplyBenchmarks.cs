using System.Text;
using BenchmarkDotNet.Attributes;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.Benchmarks;

/// <summary>
/// Reading a large <c>show configuration commands</c> reply as SSH delivers it, in 4 KB pieces (CR LF line ends, as a
/// pty sends them), through <see cref="VyosCliConversation"/>: normalising, notice filtering, prompt search and echo
/// removal. Linear reading means the time per megabyte stays the same from 1.5 MB to 6 MB; before, every piece
/// re-normalised everything received so far (quadratic: 1,500 pieces × up to 6 MB).
/// </summary>
[MemoryDiagnoser]
public class LargeReplyBenchmarks
{
    private const int ChunkLength = 4096;
    private const string Prompt = "vyos@vyos:~$ ";
    private string[] chunks = [];

    [Params(1.5, 3.0, 6.0)]
    public double Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reply = new StringBuilder("show configuration commands\r\n");
        var rule = 0;
        while (reply.Length < Megabytes * 1024 * 1024)
        {
            rule++;
            reply.Append("set nat destination rule ").Append(rule).Append(" description 'nf:vm-").Append(rule).Append(":ssh'\r\n");
        }

        reply.Append(Prompt);
        var text = reply.ToString();
        chunks = [.. Enumerable.Range(0, (text.Length + ChunkLength - 1) / ChunkLength)
            .Select(index => text.Substring(index * ChunkLength, Math.Min(ChunkLength, text.Length - index * ChunkLength)))];
    }

    [Benchmark]
    public async Task<int> ReadWholeReply()
    {
        var cli = new VyosCliConversation(new ChunkedChannel(chunks), TimeSpan.FromMinutes(5), TimeProvider.System);
        var reply = await cli.RunAsync("show configuration commands", CancellationToken.None).ConfigureAwait(false);
        if (reply.Prompt != VyosPromptKind.Operational) throw new InvalidOperationException("the reply did not end at the prompt");
        return reply.Output.Length;
    }

    /// <summary>Hands out the prepared pieces one per receive, as an SSH shell stream would.</summary>
    private sealed class ChunkedChannel(string[] pieces) : IRouterTextChannel
    {
        private int next;

        public Task SendLineAsync(string line, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SendKeyAsync(char key, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<string?> ReceiveAsync(CancellationToken cancellationToken) =>
            Task.FromResult(next < pieces.Length ? pieces[next++] : null);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
