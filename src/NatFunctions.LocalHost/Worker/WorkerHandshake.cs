using NatFunctions.LocalHost.Functions;
using NatFunctions.LocalHost.Rpc;
using NatFunctions.LocalHost.Settings;

namespace NatFunctions.LocalHost.Worker;

/// <summary>The start-up conversation with a connected worker: init, metadata (worker indexing), one load per function.</summary>
internal sealed class WorkerHandshake(WorkerChannel channel, ILogger<WorkerHandshake> logger)
{
    private const string HostVersion = "4.0.0-natfunctions-localhost";
    private const string HttpUriCapability = "HttpUri";

    public async Task<(IReadOnlyList<FunctionDefinition> Functions, Uri? WorkerHttpUri)> RunAsync(
        string appDirectory, HostJsonSettings hostJson, CancellationToken cancellationToken)
    {
        var init = await channel.InitializeAsync(new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = appDirectory,
            FunctionAppDirectory = appDirectory,
        }, cancellationToken);
        EnsureSucceeded(init.Result, "Worker initialisation");
        logger.LogInformation("Worker {Runtime} {Version} initialised", init.WorkerMetadata?.RuntimeName, init.WorkerMetadata?.WorkerVersion ?? init.WorkerVersion);
        var httpUri = init.Capabilities.TryGetValue(HttpUriCapability, out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;

        var metadata = await channel.GetFunctionMetadataAsync(new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory }, cancellationToken);
        EnsureSucceeded(metadata.Result, "Reading function metadata");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new LocalHostStartupException("The worker asked for host-side function indexing, which this host does not do; build it with worker indexing (the Worker SDK default).");
        }

        var functions = new List<FunctionDefinition>();
        foreach (var reported in metadata.FunctionMetadataResults)
        {
            var function = TryRead(reported, appDirectory, hostJson);
            if (function is not null && await TryLoadAsync(function, cancellationToken))
            {
                functions.Add(function);
            }
        }

        if (httpUri is null && functions.Any(function => function.Http is not null))
        {
            logger.LogError("The worker reported no {Capability} capability; HTTP functions will answer 501. Use ConfigureFunctionsWebApplication().", HttpUriCapability);
        }

        return (functions, httpUri);
    }

    private FunctionDefinition? TryRead(RpcFunctionMetadata reported, string appDirectory, HostJsonSettings hostJson)
    {
        try
        {
            return FunctionMetadataReader.Read(reported, appDirectory, hostJson);
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            logger.LogError("Function '{Function}' is skipped: its bindings cannot be read: {Error}", reported.Name, exception.Message);
            return null;
        }
    }

    private async Task<bool> TryLoadAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        var load = await channel.LoadFunctionAsync(new FunctionLoadRequest { FunctionId = function.Id, Metadata = function.Metadata }, cancellationToken);
        if (load.Result?.Status == StatusResult.Types.Status.Success)
        {
            return true;
        }

        logger.LogError("Function '{Function}' failed to load: {Error}", function.Name, load.Result?.Exception?.Message ?? load.Result?.Result);
        return false;
    }

    private static void EnsureSucceeded(StatusResult? result, string step)
    {
        if (result is not null && result.Status != StatusResult.Types.Status.Success)
        {
            throw new LocalHostStartupException($"{step} failed in the worker: {result.Exception?.Message ?? result.Result}");
        }
    }
}
