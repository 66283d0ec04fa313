namespace NatFunctions.Core.Auth.EntraId;

/// <summary>One claim of an App Service client principal: <c>{"typ": "...", "val": "..."}</c>.</summary>
public sealed record ClientPrincipalClaim(string Type, string Value);
