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
    int? ExternalPort);
