namespace NatFunctions.Core.Domain;

/// <summary>
/// What started a router session. The order is the strength a shared session is recorded under (a later, stronger
/// trigger that joins a session takes it over): manual over timer over mcp over api. Stored by name, so the order
/// can change without a migration.
/// </summary>
public enum ChangeTrigger
{
    /// <summary>A write through the HTTP API.</summary>
    Api,

    /// <summary>A write through the Model Context Protocol endpoint (<c>POST /v1/mcp</c>), by an agent with an API key.</summary>
    Mcp,

    Timer,
    Manual,
}
