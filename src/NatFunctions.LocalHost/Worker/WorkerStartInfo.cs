using NatFunctions.LocalHost.Settings;

namespace NatFunctions.LocalHost.Worker;

/// <param name="HostEndpoint">This host's gRPC endpoint the worker connects back to.</param>
internal sealed record WorkerStartInfo(string AppDirectory, WorkerConfig Config, Uri HostEndpoint, string WorkerId, AppSettings Settings)
{
    // The host's own listening settings must not leak into the worker, which picks its HttpUri port itself.
    private static readonly string[] HostOnlyVariables = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "URLS"];

    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(Settings.Values, StringComparer.Ordinal);
        foreach (var name in HostOnlyVariables)
        {
            environment.Remove(name);
        }

        environment["Functions__Worker__HostEndpoint"] = HostEndpoint.ToString().TrimEnd('/');
        environment["Functions__Worker__WorkerId"] = WorkerId;
        environment["Functions__Worker__RequestId"] = Guid.NewGuid().ToString();
        environment["Functions__Worker__GrpcMaxMessageLength"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["FUNCTIONS_WORKER_DIRECTORY"] = AppDirectory;
        environment["FUNCTIONS_APPLICATION_DIRECTORY"] = AppDirectory;
        environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        environment.TryAdd("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
        return environment;
    }
}
