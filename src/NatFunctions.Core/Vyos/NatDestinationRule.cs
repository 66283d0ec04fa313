namespace NatFunctions.Core.Vyos;

/// <summary>
/// A destination NAT rule (<c>nat destination rule &lt;Number&gt;</c>) with the fields the product reads and writes.
/// Null means "not set". <see cref="InboundInterface"/> is the interface name in every version (1.3 stores it as the
/// value of <c>inbound-interface</c>, 1.4+ under <c>inbound-interface name</c>).
/// </summary>
public sealed record NatDestinationRule(int Number)
{
    public const int MinimumNumber = 1;
    public const int MaximumNumber = 999999;

    public string? Description { get; init; }

    public string? InboundInterface { get; init; }

    public string? Protocol { get; init; }

    public string? DestinationAddress { get; init; }

    public string? DestinationPort { get; init; }

    public string? SourceAddress { get; init; }

    public string? SourcePort { get; init; }

    public string? TranslationAddress { get; init; }

    public string? TranslationPort { get; init; }

    public bool Disabled { get; init; }

    public bool Log { get; init; }

    public bool Exclude { get; init; }

    public static bool IsValidNumber(int number) => number is >= MinimumNumber and <= MaximumNumber;
}
