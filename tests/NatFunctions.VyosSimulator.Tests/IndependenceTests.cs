using System.Reflection;
using System.Xml.Linq;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// Decision 0018: the simulator shares nothing with the product, so a wrong idea of VyOS in the product cannot
/// hide in both. No project reference, no source file from outside its folder, no NatFunctions assembly loaded.
/// </summary>
public sealed class IndependenceTests
{
    private static readonly string SimulatorFolder = Path.Combine(RepositoryRoot(), "src", "NatFunctions.VyosSimulator");

    [Fact]
    public void The_simulator_project_references_no_project()
    {
        var project = XDocument.Load(Path.Combine(SimulatorFolder, "NatFunctions.VyosSimulator.csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Fact]
    public void The_simulator_compiles_no_source_file_from_outside_its_folder()
    {
        var project = XDocument.Load(Path.Combine(SimulatorFolder, "NatFunctions.VyosSimulator.csproj"));
        var includes = project.Descendants().Where(element => element.Name.LocalName is "Compile" or "Content" or "None")
            .Select(element => (string?)element.Attribute("Include") ?? string.Empty);

        Assert.DoesNotContain(includes, include => include.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(include));
    }

    [Fact]
    public void No_simulator_source_uses_a_product_namespace()
    {
        var offenders = Directory.EnumerateFiles(SimulatorFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadLines(file).Any(line => line.StartsWith("using NatFunctions.", StringComparison.Ordinal) && !line.StartsWith("using NatFunctions.VyosSimulator", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_simulator_assembly_references_no_other_natfunctions_assembly()
    {
        var references = typeof(CliSession).Assembly.GetReferencedAssemblies().Select(name => name.Name ?? string.Empty);

        Assert.DoesNotContain(references, name => name.StartsWith("NatFunctions", StringComparison.Ordinal));
        Assert.DoesNotContain(
            AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name ?? string.Empty),
            name => name == "NatFunctions.Core");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NatFunctions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("NatFunctions.sln not found above the test output.");
    }
}
