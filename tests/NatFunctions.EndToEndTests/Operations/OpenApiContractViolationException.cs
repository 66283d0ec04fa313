namespace NatFunctions.EndToEndTests.Operations;

/// <summary>
/// Thrown from the client's own handler when a response does not fit docs/openapi.json, so the test that made the
/// call fails at that call, naming the request, what came back and what the document says instead.
/// </summary>
public sealed class OpenApiContractViolationException(string target, RecordedExchange exchange, IReadOnlyList<string> problems)
    : Exception(Describe(target, exchange, problems))
{
    private const int BodyExcerpt = 2000;

    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(string target, RecordedExchange exchange, IReadOnlyList<string> problems)
    {
        var body = exchange.Body.Length > BodyExcerpt ? exchange.Body[..BodyExcerpt] + "…" : exchange.Body;
        return $"The answer to {exchange.Method} {target} ({exchange.Status}, {exchange.MediaType ?? "no media type"}) breaks docs/openapi.json:"
            + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(problem => "  - " + problem))
            + Environment.NewLine + "Body: " + body;
    }
}
