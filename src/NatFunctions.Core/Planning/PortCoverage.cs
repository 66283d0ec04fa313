namespace NatFunctions.Core.Planning;

/// <summary>
/// The destination ports a foreign rule takes: the listed ones, or every port but the listed ones (a rule without a
/// port, a negated entry such as <c>!22</c>, a negated port-group, or a value we cannot read, taken conservatively).
/// </summary>
public sealed record PortCoverage(bool EveryPortBut, IReadOnlySet<int> Ports)
{
    public static PortCoverage Every { get; } = new(true, new HashSet<int>());

    public bool Covers(int port) => EveryPortBut ? !Ports.Contains(port) : Ports.Contains(port);
}
