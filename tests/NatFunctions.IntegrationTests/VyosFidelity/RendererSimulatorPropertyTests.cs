using System.Globalization;
using CsCheck;
using NatFunctions.Core.Vyos;

namespace NatFunctions.IntegrationTests.VyosFidelity;

/// <summary>
/// For any rule or DHCP mapping, the command renderer either refuses (<see cref="VyosValueRejectedException"/>) or
/// produces commands that the VyOS simulator, through its own shell-word splitting and schema, accepts silently and
/// reads back to exactly the intended values: the renderer never lets through a value VyOS's validators refuse.
/// The simulator runs as its own process (one per VyOS version, reused: <c>discard</c> between samples), never
/// in-process: it shares no code with the product (decision 0018).
/// </summary>
public sealed class RendererSimulatorPropertyTests : IDisposable
{
    private readonly Dictionary<VyosVersion, SimulatorConsole> consoles = [];

    // Hostile text: quotes, backslashes, shell syntax, control and invisible characters, non-ASCII, anything.
    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["'\"\\;$`(){}|&<>*?#!~\n\r\t \u0001\u007f\u2028\u200B\u0430\uff11abc019.-/:é😀"], 0, 16]);

    private static readonly Gen<string> Octet = Gen.Int[0, 255].Select(n => n.ToString(CultureInfo.InvariantCulture));

    private static readonly Gen<string> Address = Gen.Select(Octet, Octet, Octet, Octet, (a, b, c, d) => $"{a}.{b}.{c}.{d}");

    private static readonly Gen<string> Port = Gen.Int[1, 65535].Select(n => n.ToString(CultureInfo.InvariantCulture));

    // Ports and ranges, sometimes out of order or out of bounds, sometimes with leading zeros or a service name.
    private static readonly Gen<string> PortOrRange = Gen.Frequency(
        (4, Port),
        (2, Gen.Select(Gen.Int[0, 70000], Gen.Int[0, 70000], (low, high) => $"{low}-{high}")),
        (1, Gen.OneOf(Gen.Const("080"), Gen.Const("http"), Gen.Const("80,443"), Gen.Const("!22"), Gen.Const("65536"), Gen.Const("0"))));

    // Networks with and without host bits, and bare addresses.
    private static readonly Gen<string> AddressOrNetwork = Gen.Frequency(
        (2, Address),
        (2, Gen.Select(Address, Gen.Int[0, 32], (address, length) => $"{address}/{length}")),
        (1, Gen.Select(Gen.Int[0, 255], Gen.Int[8, 24], (octet, length) => $"{octet}.0.0.0/{length}")));

    private static readonly Gen<string> Interface = Gen.Frequency(
        (4, OneOfConst("eth0", "eth1.20", "pppoe0", "br0", "wg7", "bond1.300", "lo", "any", "vrfblue")),
        (2, Gen.String[Gen.Char["a-z0-9.-_"], 1, 17]));

    private static readonly Gen<string> Protocol = Gen.Frequency(
        (4, OneOfConst("tcp", "udp", "tcp_udp", "all", "icmp", "gre", "esp", "ah", "sctp")),
        (1, OneOfConst("foo", "TCP", "6", "!tcp", "tcp udp", "256")));

    private static readonly Gen<string> Description = Gen.Frequency(
        (3, Gen.String[Gen.Char["a-zA-Z0-9 :.-"], 0, 40]),
        (1, Gen.String[Gen.Char["a-zé"], 200, 300]),
        (1, Hostile));

    private static readonly Gen<VyosVersion> Version = OneOfConst([.. VyosVersion.All]);

    private static readonly Gen<NatDestinationRule> Rule =
        Gen.Select(
            Gen.Frequency((9, Gen.Int[1, 999999]), (1, Gen.Int)),
            Gen.Frequency((1, Gen.Const((string?)null)), (3, Description.Select(text => (string?)text))),
            Field(Interface),
            Field(Protocol),
            (number, description, inbound, protocol) => new NatDestinationRule(number) { Description = description, InboundInterface = inbound, Protocol = protocol })
        .SelectMany(rule => Gen.Select(
            Field(AddressOrNetwork),
            Field(PortOrRange),
            Field(AddressOrNetwork),
            Field(PortOrRange),
            Field(Gen.Frequency((4, Address), (1, AddressOrNetwork))),
            Field(PortOrRange),
            (destination, destinationPort, source, sourcePort, translation, translationPort) => rule with
            {
                DestinationAddress = destination,
                DestinationPort = destinationPort,
                SourceAddress = source,
                SourcePort = sourcePort,
                TranslationAddress = translation,
                TranslationPort = translationPort,
            }));

    private static readonly Gen<DhcpStaticMapping> Mapping =
        Gen.Select(
            Gen.Frequency((3, OneOfConst("LAN", "lan-2", "lan_3.x")), (1, Hostile)),
            Gen.Frequency((3, Gen.Const("192.168.64.0/24")), (1, AddressOrNetwork), (1, Hostile)),
            Gen.Frequency((3, Gen.String[Gen.Char["a-z0-9.-"], 1, 20]), (1, Hostile)),
            Field(Address),
            Field(Gen.Frequency((3, Gen.Const("52:54:00:12:34:56")), (1, Gen.String[Gen.Char["0-9a-fA-F:-"], 11, 19]))),
            (network, subnet, name, ip, mac) => new DhcpStaticMapping(network, subnet, name) { IpAddress = ip, MacAddress = mac });

    [Fact]
    public void A_nat_rule_is_refused_or_the_simulator_stores_exactly_its_values()
    {
        var outcomes = new Outcomes();
        Gen.Select(Version, Rule).Sample((version, rule) => Check(version, () => new VyosCommandRenderer(version).SetNatDestinationRule(rule), outcomes), iter: 300, threads: 1);

        outcomes.AssertBothSidesWereExercised();
    }

    [Fact]
    public void A_dhcp_mapping_is_refused_or_the_simulator_stores_exactly_its_values()
    {
        var outcomes = new Outcomes();
        Gen.Select(Version, Mapping).Sample((version, mapping) => Check(version, () => new VyosCommandRenderer(version).SetDhcpStaticMapping(mapping), outcomes), iter: 200, threads: 1);

        outcomes.AssertBothSidesWereExercised();
    }

    public void Dispose()
    {
        foreach (var console in this.consoles.Values) console.Dispose();
    }

    private void Check(VyosVersion version, Func<IReadOnlyList<VyosCommand>> render, Outcomes outcomes)
    {
        IReadOnlyList<VyosCommand> commands;
        try
        {
            commands = render();
        }
        catch (VyosValueRejectedException)
        {
            outcomes.RefusedByRenderer++;
            return;
        }

        // Whatever the renderer lets through, the router's own set-time checks must take silently.
        if (!this.consoles.TryGetValue(version, out var simulator)) this.consoles[version] = simulator = new SimulatorConsole(version);
        simulator.Discard();
        foreach (var command in commands)
        {
            var printed = simulator.Run(command.Text);
            Assert.True(printed.Length == 0, $"the renderer accepted '{command.Text}' but the {version} simulator printed:{printed}");
        }

        var working = simulator.WorkingConfiguration();
        foreach (var command in commands)
        {
            var node = working.Find(command.Path.Select(word => word.Text).ToList());
            Assert.True(node is not null, $"'{command.Text}' was accepted but its path is not in the configuration");
            if (command.Value is { } value)
            {
                Assert.Equal(value.Text, Assert.Single(node.Values));
            }
        }

        outcomes.StoredExactly += commands.Count;
    }

    // Mostly unset or valid, sometimes hostile: a rule then carries hostile text in one field or a few, not all.
    private static Gen<string?> Field(Gen<string> valid) =>
        Gen.Frequency((2, Gen.Const((string?)null)), (6, valid.Select(text => (string?)text)), (1, Hostile.Select(text => (string?)text)));

    private static Gen<T> OneOfConst<T>(params T[] values) => Gen.OneOf(values.Select(Gen.Const).ToArray());

    private sealed class Outcomes
    {
        public int RefusedByRenderer { get; set; }

        public int StoredExactly { get; set; }

        // A property that only ever refused (or only ever accepted) would prove nothing about the other side.
        public void AssertBothSidesWereExercised()
        {
            Assert.True(RefusedByRenderer > 0, "no sample was refused by the renderer");
            Assert.True(StoredExactly > 0, "no sample reached the simulator's configuration");
        }
    }
}
