using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>docs/openapi.json as the tests read it: which operation a request hit, and whether a response fits it.</summary>
public sealed class OpenApiContract
{
    private readonly JsonElement document;
    private readonly SchemaValidator validator;

    public OpenApiContract(JsonElement document)
    {
        this.document = document;
        validator = new SchemaValidator(document);
    }

    public static string DocumentPath => Path.Combine(BuildOutputs.RepositoryRoot, "docs", "openapi.json");

    public static OpenApiContract Load() => new(JsonDocument.Parse(File.ReadAllText(DocumentPath)).RootElement.Clone());

    public bool HasOperation(string pathTemplate, string method) =>
        document.GetProperty("paths").TryGetProperty(pathTemplate, out var path) && path.TryGetProperty(method.ToLowerInvariant(), out _);

    /// <summary>Everything wrong with this response according to the document; empty when it fits.</summary>
    public IReadOnlyList<string> Check(RecordedExchange exchange)
    {
        var where = $"{exchange.Method} {exchange.Path} → {exchange.Status}";
        if (FindOperation(exchange.Method, exchange.Path) is not { } operation)
        {
            return [$"{where}: no operation in the document"];
        }

        var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(status, out var response))
        {
            return [$"{where}: status not documented"];
        }

        response = Dereference(response);
        if (!response.TryGetProperty("content", out var content))
        {
            return exchange.Body.Length == 0 ? [] : [$"{where}: documented without a body, but one came"];
        }

        if (exchange.MediaType is null || !content.TryGetProperty(exchange.MediaType, out var media))
        {
            return [$"{where}: media type {exchange.MediaType ?? "(none)"} not documented"];
        }

        if (!exchange.MediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return [];
        }

        var body = JsonDocument.Parse(exchange.Body).RootElement;
        return validator.Validate(media.GetProperty("schema"), body).Select(error => $"{where}: {error}").ToList();
    }

    /// <summary>Matches a concrete path to a template; with several, the one with most literal segments wins.</summary>
    private JsonElement? FindOperation(string method, string path)
    {
        var segments = path.Split('/');
        var candidates = document.GetProperty("paths").EnumerateObject()
            .Select(entry => (Template: entry.Name.Split('/'), Item: entry.Value))
            .Where(entry => entry.Template.Length == segments.Length
                && entry.Template.Zip(segments).All(pair => pair.First.StartsWith('{') || pair.First == pair.Second)
                && entry.Item.TryGetProperty(method.ToLowerInvariant(), out _))
            .OrderByDescending(entry => entry.Template.Count(segment => !segment.StartsWith('{')))
            .ToList();
        return candidates.Count == 0 ? null : candidates[0].Item.GetProperty(method.ToLowerInvariant());
    }

    private JsonElement Dereference(JsonElement element)
    {
        while (element.TryGetProperty("$ref", out var reference))
        {
            element = document;
            foreach (var segment in reference.GetString()![2..].Split('/'))
            {
                element = element.GetProperty(segment);
            }
        }

        return element;
    }
}
