using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth;

/// <summary>Who made a request. <see cref="Name"/> is the key's name and is what logs and audits show; never the key.</summary>
public sealed record Caller(string Name, ApiRole Role, string KeyPrefix)
{
    public bool Has(ApiRole required) => Role >= required;
}
