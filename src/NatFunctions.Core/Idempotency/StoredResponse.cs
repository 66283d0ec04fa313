namespace NatFunctions.Core.Idempotency;

/// <summary>The final answer to an idempotent request, kept to be replayed: status code and body text.</summary>
public sealed record StoredResponse(int StatusCode, string Body);
