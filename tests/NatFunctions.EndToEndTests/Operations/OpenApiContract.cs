using System.Globalization;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>
/// docs/openapi.json as the tests read it: which operation a request hit, and whether the answer fits it (status,
/// required headers, media type, body schema). A request the API accepted (2xx) must also fit the documented
/// request body, so the document never demands less, or other names, than the API takes. Paths match as the Functions host routes them: case-insensitively
/// and with or without a trailing slash. A request no operation serves is held to the document's
/// <c>x-unrouted-responses</c>: 404 for a path no template matches, 405 for a known path and another method.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> Loaded = new(Load);

    private readonly JsonElement document;
    private readonly SchemaValidator validator;

    public OpenApiContract(JsonElement document)
    {
        this.document = document;
        validator = new SchemaValidator(document);
        Operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(entry => entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("responses", out _))
                .Select(entry => new DocumentedOperation(entry.Name, path.Name, entry.Value.GetProperty("operationId").GetString()!, entry.Value)))
            .ToList();
    }

    /// <summary>The document as the build has it, read once for the whole test run.</summary>
    public static OpenApiContract Shared => Loaded.Value;

    public static string DocumentPath => Path.Combine(BuildOutputs.RepositoryRoot, "docs", "openapi.json");

    public IReadOnlyList<DocumentedOperation> Operations { get; }

    public static OpenApiContract Load() => new(JsonDocument.Parse(File.ReadAllText(DocumentPath)).RootElement.Clone());

    public bool HasOperation(string pathTemplate, string method) =>
        Operations.Any(operation => operation.PathTemplate == pathTemplate && operation.Method == method.ToLowerInvariant());

    /// <summary>The operation a concrete request path reaches; with several templates, the one with most literal segments wins.</summary>
    public DocumentedOperation? Find(string method, string path) =>
        Matching(path).FirstOrDefault(operation => operation.Method == method.ToLowerInvariant());

    /// <summary>Everything wrong with this response according to the document; empty when it fits.</summary>
    public IReadOnlyList<string> Check(RecordedExchange exchange)
    {
        var status = exchange.Status.ToString(CultureInfo.InvariantCulture);
        JsonElement response;
        if (Find(exchange.Method, exchange.Path) is { } operation)
        {
            if (!operation.Definition.GetProperty("responses").TryGetProperty(status, out response))
            {
                return [$"status {status} is not documented for {operation}"];
            }

            if (exchange.Status is >= 200 and < 300 && CheckAcceptedRequest(operation, exchange) is { Count: > 0 } requestProblems)
            {
                return requestProblems;
            }
        }
        else
        {
            var unrouted = Matching(exchange.Path).Count == 0 ? "404" : "405";
            if (status != unrouted || !document.GetProperty("x-unrouted-responses").TryGetProperty(unrouted, out response))
            {
                return [$"no operation serves {exchange.Method} {exchange.Path}, so only the document's unrouted {unrouted} may answer, not {status}"];
            }
        }

        return CheckResponse(Dereference(response), exchange);
    }

    private List<string> CheckResponse(JsonElement response, RecordedExchange exchange)
    {
        var problems = new List<string>();
        if (response.TryGetProperty("headers", out var headers))
        {
            problems.AddRange(headers.EnumerateObject()
                .Where(header => Dereference(header.Value).TryGetProperty("required", out var required) && required.GetBoolean())
                .Where(header => !exchange.Headers.ContainsKey(header.Name))
                .Select(header => $"required header {header.Name} is missing"));
        }

        if (!response.TryGetProperty("content", out var content))
        {
            if (exchange.Body.Length > 0)
            {
                problems.Add("documented without a body, but one came");
            }

            return problems;
        }

        if (exchange.MediaType is null || !content.TryGetProperty(exchange.MediaType, out var media))
        {
            problems.Add($"media type {exchange.MediaType ?? "(none)"} is not documented; the document has {string.Join(", ", content.EnumerateObject().Select(entry => entry.Name))}");
            return problems;
        }

        if (!exchange.MediaType.EndsWith("json", StringComparison.Ordinal))
        {
            if (media.TryGetProperty("schema", out var textSchema))
            {
                problems.AddRange(validator.Validate(textSchema, JsonSerializer.SerializeToElement(exchange.Body)));
            }

            return problems;
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(exchange.Body).RootElement;
        }
        catch (JsonException exception)
        {
            problems.Add($"the body is not JSON: {exception.Message}");
            return problems;
        }

        problems.AddRange(validator.Validate(media.GetProperty("schema"), body));
        return problems;
    }

    private List<string> CheckAcceptedRequest(DocumentedOperation operation, RecordedExchange exchange)
    {
        if (!operation.Definition.TryGetProperty("requestBody", out var requestBody))
        {
            return [];
        }

        requestBody = Dereference(requestBody);
        if (string.IsNullOrEmpty(exchange.RequestBody))
        {
            return requestBody.TryGetProperty("required", out var required) && required.GetBoolean()
                ? [$"{operation} documents a required JSON body, but a request without one was accepted"]
                : [];
        }

        var schema = requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        return validator.Validate(schema, JsonDocument.Parse(exchange.RequestBody).RootElement)
            .Select(error => $"the accepted request body does not fit the document: {error}")
            .ToList();
    }

    private List<DocumentedOperation> Matching(string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        return Operations
            .Select(operation => (Operation: operation, Template: operation.PathTemplate.Split('/')))
            .Where(entry => entry.Template.Length == segments.Length
                && entry.Template.Zip(segments).All(pair => pair.First.StartsWith('{') || string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(entry => entry.Template.Count(segment => !segment.StartsWith('{')))
            .Select(entry => entry.Operation)
            .ToList();
    }

    private JsonElement Dereference(JsonElement element)
    {
        while (element.TryGetProperty("$ref", out var reference))
        {
            element = validator.Resolve(reference.GetString()!);
        }

        return element;
    }
}
