using System.Text.Json;
using NatFunctions.LocalHost.Functions;

namespace NatFunctions.LocalHost.Timers;

/// <summary>
/// Fires timer-triggered functions on their schedules. As with the Functions host, runs of one function never overlap:
/// the next occurrence is computed after the previous run finishes, and occurrences missed meanwhile are skipped.
/// </summary>
internal sealed class TimerScheduler(FunctionRegistry registry, FunctionInvoker invoker, TimeProvider timeProvider, ILogger<TimerScheduler> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers = registry.App?.Timers ?? [];
        return Task.WhenAll(timers.Select(timer => RunAsync(timer, stoppingToken)));
    }

    private async Task RunAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        DateTimeOffset? lastRun = null;
        try
        {
            if (timer.Trigger.RunOnStartup)
            {
                var now = timeProvider.GetUtcNow();
                await InvokeAsync(timer, lastRun, now, timer.Schedule.GetNextOccurrence(now), cancellationToken);
                lastRun = now;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                var now = timeProvider.GetUtcNow();
                var due = timer.Schedule.GetNextOccurrence(now);
                await Task.Delay(due - now, timeProvider, cancellationToken);
                await InvokeAsync(timer, lastRun, due, timer.Schedule.GetNextOccurrence(due), cancellationToken);
                lastRun = due;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The timer for function '{Function}' stopped", timer.Function.Name);
        }
    }

    // One failed run must not end the schedule: the Functions host logs the failure and fires again next time.
    private async Task InvokeAsync(ScheduledTimer timer, DateTimeOffset? lastRun, DateTimeOffset due, DateTimeOffset next, CancellationToken cancellationToken)
    {
        try
        {
            await InvokeOnceAsync(timer, lastRun, due, next, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Timer function '{Function}' failed at {Due:O}; it runs again at {Next:O}", timer.Function.Name, due, next);
        }
    }

    private Task<bool> InvokeOnceAsync(ScheduledTimer timer, DateTimeOffset? lastRun, DateTimeOffset due, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var payload = new TimerInfoPayload(
            new TimerSchedulePayload(AdjustForDST: true),
            new TimerScheduleStatusPayload(lastRun?.UtcDateTime ?? default, next.UtcDateTime, timeProvider.GetUtcNow().UtcDateTime),
            IsPastDue: false);
        var request = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = timer.Function.Id,
            TraceContext = new RpcTraceContext(),
            InputData = { new ParameterBinding { Name = timer.Trigger.BindingName, Data = new TypedData { Json = JsonSerializer.Serialize(payload) } } },
        };
        return invoker.InvokeAsync(timer.Function, request, $"Timer fired at {due:O}", cancellationToken);
    }
}
