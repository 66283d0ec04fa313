using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>An HTTP route the worker build declares in functions.metadata (what the Functions host will serve).</summary>
public sealed record FunctionRoute(string Function, string PathTemplate, string Method)
{
    public static IReadOnlyList<FunctionRoute> FromWorkerBuild()
    {
        var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(BuildOutputs.WorkerDirectory, "functions.metadata"))).RootElement;
        return metadata.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => string.Equals(binding.GetProperty("type").GetString(), "httpTrigger", StringComparison.OrdinalIgnoreCase))
                .SelectMany(binding => binding.GetProperty("methods").EnumerateArray().Select(method => new FunctionRoute(
                    function.GetProperty("name").GetString()!,
                    "/" + binding.GetProperty("route").GetString()!.TrimStart('/'),
                    method.GetString()!.ToLowerInvariant()))))
            .ToList();
    }
}
