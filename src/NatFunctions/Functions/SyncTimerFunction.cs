using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace NatFunctions.Functions;

public sealed class SyncTimerFunction(ILogger<SyncTimerFunction> logger)
{
    [Function("SyncTimer")]
    public void Run([TimerTrigger("%SyncSchedule%")] TimerInfo timer)
        => logger.LogInformation("Sync timer fired; past due: {IsPastDue}", timer.IsPastDue);
}
