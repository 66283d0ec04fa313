using System.Text.Json;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>One operation of docs/openapi.json: <paramref name="Method"/> in lower case, as the document keys it.</summary>
public sealed record DocumentedOperation(string Method, string PathTemplate, string OperationId, JsonElement Definition)
{
    public override string ToString() => $"{Method.ToUpperInvariant()} {PathTemplate} ({OperationId})";
}
