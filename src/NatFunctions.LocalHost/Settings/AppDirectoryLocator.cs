using System.Reflection;

namespace NatFunctions.LocalHost.Settings;

/// <summary>
/// Finds the worker build to run: the folder given with --app-dir, or the Functions project's build output for the
/// configuration this host was built in (so a Debug host runs the Debug worker that `dotnet run` just built).
/// </summary>
internal static class AppDirectoryLocator
{
    private const string WorkerProjectFolder = "src/NatFunctions";
    private const string TargetFramework = "net10.0";

    public static string Locate(string? requestedDirectory, string? repositoryRoot)
    {
        if (!string.IsNullOrWhiteSpace(requestedDirectory))
        {
            var requested = Path.GetFullPath(requestedDirectory);
            return RequireWorkerBuild(requested, $"--app-dir '{requested}' holds no {WorkerConfig.FileName}; pass the worker's build output folder.");
        }

        if (repositoryRoot is null)
        {
            throw new LocalHostStartupException("No --app-dir given and no NatFunctions.sln above the working directory to find the worker build from.");
        }

        var configuration = typeof(AppDirectoryLocator).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var conventional = Path.Combine(repositoryRoot, WorkerProjectFolder, "bin", configuration, TargetFramework);
        return RequireWorkerBuild(conventional,
            $"The worker is not built at '{conventional}'. Run `dotnet build {WorkerProjectFolder} -c {configuration}` or pass --app-dir.");
    }

    private static string RequireWorkerBuild(string directory, string errorWhenMissing)
        => File.Exists(Path.Combine(directory, WorkerConfig.FileName)) ? directory : throw new LocalHostStartupException(errorWhenMissing);
}
