using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth;

/// <summary>Who made a request. <see cref="Name"/> is the key's name and is what logs and audits show; never the key.</summary>
public sealed record Caller(string Name, ApiRole Role, string KeyPrefix)
{
    /// <summary>The door the request came through, recorded as the audit trigger of the router session its write waits for.</summary>
    public ChangeTrigger Trigger { get; init; } = ChangeTrigger.Api;

    public bool Has(ApiRole required) => Role >= required;
}
