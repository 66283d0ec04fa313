using System.Reflection;

namespace NatFunctions.Testing;

/// <summary>
/// Where the projects the tests and the harness run were built: the repository above the running build, and the
/// configuration this library was built in, which is the caller's (a project reference builds it in the same one:
/// Debug for the tests, Release for the harness's figures).
/// </summary>
public static class BuildOutputs
{
    private const string TargetFramework = "net10.0";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Configuration { get; } =
        typeof(BuildOutputs).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The Functions worker build (NatFunctions.dll, functions.metadata, host.json).</summary>
    public static string WorkerDirectory => ProjectOutput("NatFunctions");

    public static string LocalHostAssembly => Path.Combine(ProjectOutput("NatFunctions.LocalHost"), "NatFunctions.LocalHost.dll");

    public static string SimulatorDirectory => ProjectOutput("NatFunctions.VyosSimulator");

    /// <summary>The read floor of the reads benchmark (tests/NatFunctions.ReadFloor, a plain minimal API).</summary>
    public static string ReadFloorAssembly =>
        Path.Combine(RepositoryRoot, "tests", "NatFunctions.ReadFloor", "bin", Configuration, TargetFramework, "NatFunctions.ReadFloor.dll");

    /// <summary>The simulator build (a project reference of the caller builds it); throws when it is missing.</summary>
    public static string SimulatorAssembly
    {
        get
        {
            var assembly = Path.Combine(SimulatorDirectory, "NatFunctions.VyosSimulator.dll");
            return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build src/NatFunctions.VyosSimulator first.", assembly);
        }
    }

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
