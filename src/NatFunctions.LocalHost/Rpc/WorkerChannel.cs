using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;

namespace NatFunctions.LocalHost.Rpc;

/// <summary>
/// The one EventStream the worker opens: correlates each request this host sends with the worker's answer and
/// serialises writes (a gRPC stream writer takes one message at a time, while hundreds of invocations send at once).
/// </summary>
internal sealed class WorkerChannel(WorkerLogRelay logRelay, ILogger<WorkerChannel> logger)
{
    private readonly Channel<StreamingMessage> outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> workerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int attached;
    private volatile bool closed;

    /// <summary>Completes with the worker id once the worker has sent StartStream.</summary>
    public Task<string> WorkerStarted => workerStarted.Task;

    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> inbound, IServerStreamWriter<StreamingMessage> writer, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref attached, 1) == 1)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "This host serves a single worker."));
        }

        using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writeLoop = WriteAllAsync(writer, writing.Token);
        try
        {
            await foreach (var message in inbound.ReadAllAsync(cancellationToken))
            {
                Dispatch(message);
            }
        }
        finally
        {
            Close();
            await writing.CancelAsync();
            await writeLoop;
        }
    }

    public async Task<WorkerInitResponse> InitializeAsync(WorkerInitRequest request, CancellationToken cancellationToken)
        => (await RequestAsync("init", new StreamingMessage { WorkerInitRequest = request }, cancellationToken)).WorkerInitResponse;

    public async Task<FunctionMetadataResponse> GetFunctionMetadataAsync(FunctionsMetadataRequest request, CancellationToken cancellationToken)
        => (await RequestAsync("metadata", new StreamingMessage { FunctionsMetadataRequest = request }, cancellationToken)).FunctionMetadataResponse;

    public async Task<FunctionLoadResponse> LoadFunctionAsync(FunctionLoadRequest request, CancellationToken cancellationToken)
        => (await RequestAsync($"load:{request.FunctionId}", new StreamingMessage { FunctionLoadRequest = request }, cancellationToken)).FunctionLoadResponse;

    /// <summary>Sends the invocation and waits for its result; cancelling tells the worker to cancel it too.</summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await RequestAsync($"invocation:{request.InvocationId}", new StreamingMessage { InvocationRequest = request }, cancellationToken)).InvocationResponse;
        }
        catch (OperationCanceledException) when (!closed)
        {
            outbound.Writer.TryWrite(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
            throw;
        }
    }

    /// <summary>Sends a message that has no answer (WorkerTerminate); a closed stream drops it.</summary>
    public void Post(StreamingMessage message) => outbound.Writer.TryWrite(message);

    private async Task<StreamingMessage> RequestAsync(string correlationKey, StreamingMessage message, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.TryAdd(correlationKey, answer))
        {
            throw new InvalidOperationException($"A request '{correlationKey}' is already waiting for the worker.");
        }

        try
        {
            if (closed)
            {
                throw new WorkerChannelClosedException();
            }

            message.RequestId = correlationKey;
            await outbound.Writer.WriteAsync(message, cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            pending.TryRemove(correlationKey, out _);
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                workerStarted.TrySetResult(message.StartStream.WorkerId);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                logRelay.Write(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                Answer("init", message);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                Answer("metadata", message);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                Answer($"load:{message.FunctionLoadResponse.FunctionId}", message);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                Answer($"invocation:{message.InvocationResponse.InvocationId}", message);
                break;
            default:
                logger.LogDebug("Ignoring worker message {Content}", message.ContentCase);
                break;
        }
    }

    private void Answer(string correlationKey, StreamingMessage message)
    {
        if (!pending.TryGetValue(correlationKey, out var answer) || !answer.TrySetResult(message))
        {
            logger.LogDebug("No request waits for worker answer {Key}", correlationKey);
        }
    }

    private void Close()
    {
        closed = true;
        outbound.Writer.TryComplete();
        workerStarted.TrySetException(new WorkerChannelClosedException());
        foreach (var answer in pending.Values)
        {
            answer.TrySetException(new WorkerChannelClosedException());
        }
    }

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await writer.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or IOException)
        {
            // The stream ended (worker gone or host stopping); waiting requests were failed by Close().
            logger.LogDebug(exception, "Worker stream writer stopped");
        }
    }
}
