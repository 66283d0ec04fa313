namespace NatFunctions.EndToEndTests.Operations;

/// <summary>One request and the response the worker gave it, as the client saw them.</summary>
public sealed record RecordedExchange(string Method, string Path, int Status, string? MediaType, string Body);
