using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Core.Domain;
using NatFunctions.Http;

namespace NatFunctions.Functions;

/// <summary>
/// Serves docs/openapi.json (embedded at build, so the document always matches the deployed build). Reader role
/// like every other GET: only the health endpoint is anonymous, and the document maps the admin surface.
/// </summary>
public sealed class OpenApiFunction
{
    public const string ResourceName = "NatFunctions.openapi.json";

    private static readonly Lazy<byte[]> Document = new(Load);

    [Function("OpenApiDocument")]
    [RequiresRole(ApiRole.Reader)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/openapi.json")] HttpRequest request) =>
        new FileContentResult(Document.Value, ApiResults.JsonContentType);

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiFunction).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build did not embed {ResourceName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
