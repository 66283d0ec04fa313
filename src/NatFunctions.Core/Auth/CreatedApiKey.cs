namespace NatFunctions.Core.Auth;

/// <summary>The one moment the secret exists outside the caller's hands: the answer to the creating request.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);
