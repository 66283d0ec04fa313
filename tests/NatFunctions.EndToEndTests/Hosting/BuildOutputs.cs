using System.Reflection;

namespace NatFunctions.EndToEndTests.Hosting;

/// <summary>Where the referenced projects were built: same configuration as these tests, found from the repository root.</summary>
public static class BuildOutputs
{
    private const string TargetFramework = "net10.0";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Configuration { get; } =
        typeof(BuildOutputs).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The Functions worker build (NatFunctions.dll, functions.metadata, host.json).</summary>
    public static string WorkerDirectory => ProjectOutput("NatFunctions");

    public static string LocalHostAssembly => Path.Combine(ProjectOutput("NatFunctions.LocalHost"), "NatFunctions.LocalHost.dll");

    private static string ProjectOutput(string project) => Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, TargetFramework);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NatFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No NatFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
