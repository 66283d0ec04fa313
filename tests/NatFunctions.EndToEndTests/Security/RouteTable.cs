using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>The HTTP routes the built worker really exposes, read from its functions.metadata.</summary>
public static class RouteTable
{
    public static IReadOnlyList<HttpRoute> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(BuildOutputs.WorkerDirectory, "functions.metadata")));
        var routes = new List<HttpRoute>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                if (binding.GetProperty("type").GetString() != "httpTrigger")
                {
                    continue;
                }

                foreach (var method in binding.GetProperty("methods").EnumerateArray())
                {
                    routes.Add(new HttpRoute(function.GetProperty("name").GetString()!, method.GetString()!.ToUpperInvariant(), binding.GetProperty("route").GetString()!));
                }
            }
        }

        return routes;
    }
}

public sealed record HttpRoute(string Function, string Method, string Template)
{
    /// <summary>A concrete path for the template; the values name nothing that exists, so writes find nothing to change.</summary>
    public string SamplePath() => "/" + Template
        .Replace("{machine_id}", "matrix-absent-vm", StringComparison.Ordinal)
        .Replace("{port_name}", "matrix-port", StringComparison.Ordinal)
        .Replace("{id}", "999999", StringComparison.Ordinal)
        .Replace("{name}", "matrix-absent", StringComparison.Ordinal);

    public override string ToString() => $"{Method} /{Template}";
}
