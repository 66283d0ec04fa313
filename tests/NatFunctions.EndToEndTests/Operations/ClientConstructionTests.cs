using System.Text.RegularExpressions;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>
/// Keeps the contract check unavoidable: a test that built its own HttpClient for LocalHost would receive answers
/// nothing holds to docs/openapi.json, so clients are made by <see cref="ApiClients"/> only.
/// </summary>
public sealed partial class ClientConstructionTests
{
    [Fact]
    public void No_end_to_end_test_builds_an_http_client_but_through_ApiClients()
    {
        var project = Path.Combine(BuildOutputs.RepositoryRoot, "tests", "NatFunctions.EndToEndTests");
        var factory = Path.Combine(project, "Hosting", "ApiClients.cs");
        var sources = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = sources.Where(file => file != factory)
            .Where(file => ClientConstruction().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(project, file))
            .ToList();

        Assert.True(sources.Count > 20, $"only {sources.Count} source files found under {project}");
        Assert.True(offenders.Count == 0, "Build clients with ApiClients.Create so their answers are checked against docs/openapi.json: " + string.Join(", ", offenders));
    }

    // An HttpClient constructor call (arguments or initializer), or a target-typed new on a line declaring an HttpClient.
    [GeneratedRegex(@"\bnew\s+HttpClient\s*[({]|\bHttpClient\b[^\n;]*=\s*new\s*\(")]
    private static partial Regex ClientConstruction();
}
