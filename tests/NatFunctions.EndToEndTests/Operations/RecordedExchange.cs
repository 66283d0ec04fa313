namespace NatFunctions.EndToEndTests.Operations;

/// <summary>
/// One request and the response the worker gave it, as the client saw them. <paramref name="Headers"/> holds the
/// response's headers (names case-insensitive, several values joined with ", "); <see cref="RequestBody"/> the
/// JSON the request carried, if any.
/// </summary>
public sealed record RecordedExchange(string Method, string Path, int Status, string? MediaType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public RecordedExchange(string method, string path, int status, string? mediaType, string body)
        : this(method, path, status, mediaType, body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))
    {
    }

    public string? RequestBody { get; init; }

    public override string ToString() => $"{Method} {Path} → {Status}";
}
