using NatFunctions.LocalHost.Functions;
using NatFunctions.LocalHost.Hosting;
using NatFunctions.LocalHost.Routing;
using NatFunctions.LocalHost.Rpc;
using NatFunctions.LocalHost.Settings;
using NatFunctions.LocalHost.Timers;

namespace NatFunctions.LocalHost.Worker;

/// <summary>
/// Owns the worker's lifetime: opens the gRPC endpoint, starts the worker, completes the handshake before the public
/// port opens (hosted services start before the server), and stops the worker with the host. If the worker dies,
/// the host stops with exit code 1 rather than serve 502s.
/// </summary>
internal sealed class WorkerHostService(
    LocalHostOptions options,
    RpcServer rpcServer,
    WorkerChannel channel,
    WorkerHandshake handshake,
    FunctionRegistry registry,
    ReadyAnnouncer readyAnnouncer,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger("LocalHost");
    private WorkerProcess? worker;
    private HostDeathWatchdog? watchdog;
    private volatile bool stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(LocalHostOptions.StartupTimeout);
        try
        {
            await rpcServer.StartAsync(startup.Token);
            var startInfo = new WorkerStartInfo(options.AppDirectory, options.Worker, rpcServer.Endpoint, Guid.NewGuid().ToString(), options.Settings);
            worker = WorkerProcess.Start(startInfo, loggerFactory.CreateLogger("Worker"));
            watchdog = HostDeathWatchdog.Start(worker.Id);
            logger.LogInformation("Started worker {Worker} (pid {Pid}) from {AppDirectory}", options.Worker.WorkerPath, worker.Id, options.AppDirectory);

            if (await Task.WhenAny(channel.WorkerStarted, worker.Exited).WaitAsync(startup.Token) == worker.Exited)
            {
                throw new LocalHostStartupException($"The worker exited with code {await worker.Exited} before connecting; its output is above.");
            }

            var (functions, httpUri) = await handshake.RunAsync(options.AppDirectory, options.HostJson, startup.Token);
            var timers = ScheduledTimerFactory.Create(functions, options.Settings, logger);
            registry.Publish(new LoadedFunctionApp(functions, httpUri, new RouteTable(functions), timers));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LocalHostStartupException($"The worker did not finish its start-up handshake within {LocalHostOptions.StartupTimeout.TotalSeconds:0} s.");
        }
        catch (WorkerChannelClosedException exception)
        {
            throw new LocalHostStartupException("The worker disconnected during its start-up handshake; its output is above.", exception);
        }

        _ = StopWhenWorkerDiesAsync(worker);
        lifetime.ApplicationStarted.Register(readyAnnouncer.Announce);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        if (worker is not null)
        {
            channel.Post(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(LocalHostOptions.ShutdownGracePeriod) } });
            await worker.StopAsync(LocalHostOptions.ShutdownGracePeriod + TimeSpan.FromSeconds(1));
        }

        await rpcServer.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        stopping = true;
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        watchdog?.Dispose();
        await rpcServer.DisposeAsync();
    }

    private async Task StopWhenWorkerDiesAsync(WorkerProcess process)
    {
        var exitCode = await process.Exited;
        if (!stopping)
        {
            logger.LogCritical("The worker exited unexpectedly with code {ExitCode}; stopping", exitCode);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
