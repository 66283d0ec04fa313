using NatFunctions.LocalHost.Functions;
using NatFunctions.LocalHost.Http;
using NatFunctions.LocalHost.Rpc;
using NatFunctions.LocalHost.Settings;
using NatFunctions.LocalHost.Timers;
using NatFunctions.LocalHost.Worker;

namespace NatFunctions.LocalHost.Hosting;

internal static class LocalHostBuilderExtensions
{
    private const string AppDirectoryArgument = "app-dir";
    private const string LocalSettingsArgument = "local-settings";

    /// <summary>Reads the worker build and its settings, and registers the host's parts.
    /// Arguments: --app-dir DIR (worker build output), --local-settings FILE (instead of the app's local.settings.json).</summary>
    /// <exception cref="LocalHostStartupException">The worker build or its settings cannot be used.</exception>
    public static WebApplicationBuilder AddLocalHost(this WebApplicationBuilder builder)
    {
        var repositoryRoot = RepositoryRoot.Find();
        var appDirectory = AppDirectoryLocator.Locate(builder.Configuration[AppDirectoryArgument], repositoryRoot);
        var options = new LocalHostOptions(
            appDirectory,
            WorkerConfig.Read(appDirectory),
            HostJsonSettings.Read(appDirectory),
            AppSettingsLoader.Load(appDirectory, repositoryRoot, builder.Configuration[LocalSettingsArgument], Environment.GetEnvironmentVariables()));

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
        {
            builder.WebHost.UseUrls(LocalHostOptions.DefaultUrl);
        }

        // The worker's own Server header comes through the proxy; ours would duplicate it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.AddLocalHostConsole();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WorkerLogRelay>();
        services.AddSingleton<WorkerChannel>();
        services.AddSingleton<RpcServer>();
        services.AddSingleton<WorkerHandshake>();
        services.AddSingleton<FunctionRegistry>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<HttpForwarder>();
        services.AddSingleton<ReadyAnnouncer>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<FunctionRequestHandler>(provider, options.HostJson.FunctionTimeout));
        services.AddSingleton<WorkerHostService>();
        services.AddHostedService(provider => provider.GetRequiredService<WorkerHostService>());
        services.AddHostedService<TimerScheduler>();
        return builder;
    }

    /// <summary>Sends every request on the public port to function routing; nothing else is served there.</summary>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        var handler = app.Services.GetRequiredService<FunctionRequestHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }
}
