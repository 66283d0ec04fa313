namespace NatFunctions.Contracts;

/// <summary>Every API key (schema <c>ApiKeyList</c>).</summary>
public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> Items);
