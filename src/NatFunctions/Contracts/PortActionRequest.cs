using NatFunctions.Core.Provisioning;
using NatFunctions.Http;

namespace NatFunctions.Contracts;

/// <summary>source_ip and custom_description tell absent from null: for update, null removes the value.</summary>
public sealed record PortActionRequest(
    string? Action,
    IReadOnlyList<string?>? Ports,
    string? Protocol,
    ClearableText SourceIp,
    ClearableText CustomDescription,
    int? InternalPort,
    int? ExternalPort)
{
    public PortActionInput ToInput() => new(
        Action,
        Ports,
        Protocol,
        SourceIp.Value,
        CustomDescription.Value,
        InternalPort,
        ExternalPort,
        SourceIp.IsExplicitNull,
        CustomDescription.IsExplicitNull);
}
