using NatFunctions.Core.Auth;
using NatFunctions.Http;

namespace NatFunctions.Mcp;

/// <summary>A tool call whose addresses have been read: the caller, the address values and the body's JSON (an object).</summary>
public sealed record McpToolCall(Caller Caller, IReadOnlyDictionary<string, string?> Addresses, byte[] BodyJson)
{
    public string? Address(string name) => Addresses.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body arguments as the HTTP request type, refused naming the field exactly as the HTTP body is.</summary>
    public JsonBodyResult<T> Body<T>()
        where T : class => JsonBody.Parse<T>(BodyJson);
}
