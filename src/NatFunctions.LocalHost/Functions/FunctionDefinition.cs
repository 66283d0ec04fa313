namespace NatFunctions.LocalHost.Functions;

/// <param name="Metadata">What the worker reported, completed with binding infos and absolute paths for FunctionLoadRequest.</param>
/// <param name="TriggerType">The trigger binding type as written (httpTrigger, timerTrigger, ...).</param>
internal sealed record FunctionDefinition(
    string Id,
    string Name,
    RpcFunctionMetadata Metadata,
    string TriggerType,
    HttpTrigger? Http,
    TimerTrigger? Timer);
