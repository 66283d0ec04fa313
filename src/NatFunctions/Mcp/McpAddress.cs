namespace NatFunctions.Mcp;

/// <summary>
/// A tool argument that names what the tool works on (in HTTP: a path or query parameter, e.g. <c>machine_id</c>),
/// as opposed to the request body's fields. Text; a whole number is taken as its digits (an agent writing
/// <c>"page_size": 10</c> means "10").
/// </summary>
public sealed record McpAddress(string Name, string Description, bool Required = false);
