using System.Reflection;

namespace NatFunctions.LoadTests;

/// <summary>Where the projects this harness runs were built: the harness's own configuration (Release for figures).</summary>
internal static class RepositoryLayout
{
    private const string TargetFramework = "net10.0";

    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string WorkerDirectory => ProjectOutput("NatFunctions");

    public static string LocalHostAssembly => Path.Combine(ProjectOutput("NatFunctions.LocalHost"), "NatFunctions.LocalHost.dll");

    public static string ReadFloorAssembly => Path.Combine(Root, "tests", "NatFunctions.ReadFloor", "bin", Configuration, TargetFramework, "NatFunctions.ReadFloor.dll");

    public static string SimulatorDirectory => ProjectOutput("NatFunctions.VyosSimulator");

    private static string ProjectOutput(string project) => Path.Combine(Root, "src", project, "bin", Configuration, TargetFramework);

    private static string FindRoot()
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
