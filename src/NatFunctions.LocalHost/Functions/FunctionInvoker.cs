using System.Diagnostics;
using NatFunctions.LocalHost.Rpc;

namespace NatFunctions.LocalHost.Functions;

/// <summary>Sends one invocation to the worker and logs it the way the Functions host does (Executing/Executed).</summary>
internal sealed class FunctionInvoker(WorkerChannel channel, ILoggerFactory loggerFactory)
{
    public async Task<bool> InvokeAsync(FunctionDefinition function, InvocationRequest request, string reason, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger($"Function.{function.Name}");
        logger.LogInformation("Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId})", function.Name, reason, request.InvocationId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await channel.InvokeAsync(request, cancellationToken);
            var succeeded = response.Result?.Status == StatusResult.Types.Status.Success;
            if (succeeded)
            {
                logger.LogInformation("Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)",
                    function.Name, request.InvocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                logger.LogError("Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={Duration}ms): {Error}",
                    function.Name, request.InvocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    response.Result?.Exception?.Message ?? response.Result?.Result ?? "no result");
            }

            return succeeded;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Executed 'Functions.{Function}' (Cancelled, Id={InvocationId})", function.Name, request.InvocationId);
            return false;
        }
        catch (WorkerChannelClosedException exception)
        {
            logger.LogError("Executed 'Functions.{Function}' (Failed, Id={InvocationId}): {Error}", function.Name, request.InvocationId, exception.Message);
            return false;
        }
    }
}
