using NatFunctions.Core.Vyos;

namespace NatFunctions.Testing;

/// <summary>How <see cref="SimulatedVyosApiServer"/> starts its router.</summary>
public sealed record ApiServerOptions
{
    public VyosVersion Version { get; init; } = VyosVersion.V1_4;

    /// <summary>Start from the operator's LAN (<see cref="OperatorLanConfig"/>); false: only the API's own nodes.</summary>
    public bool OperatorLan { get; init; } = true;

    /// <summary>More configuration after the API key, as <c>show configuration commands</c> lines.</summary>
    public string ExtraConfig { get; init; } = string.Empty;

    /// <summary>More arguments for <c>vyos-sim api</c>, e.g. <c>--commit-delay-ms 1500 --command-delay-ms 20</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Above zero: clients reach the API through a <see cref="DelayingTcpRelay"/> that delays each direction by half of it.</summary>
    public TimeSpan NetworkRoundTrip { get; init; }
}
