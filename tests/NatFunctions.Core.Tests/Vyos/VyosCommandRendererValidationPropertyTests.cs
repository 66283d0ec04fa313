using CsCheck;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

/// <summary>
/// The desired state checks every object without rendering it (<see cref="VyosCommandRenderer.FindNatDestinationRuleProblem"/>,
/// <see cref="VyosCommandRenderer.FindDhcpStaticMappingProblem"/>). The answer must be the renderer's: null when it
/// renders, else the message of the exception it throws (the same first bad value).
/// </summary>
public sealed class VyosCommandRendererValidationPropertyTests
{
    // Mostly harmless, sometimes a quote, backslash, line break, control or invisible character, or a space (bad in
    // a path word only).
    private static readonly Gen<string?> Text = Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (3, Gen.String[Gen.Char["ab09.:/-"], 0, 4].Select(text => (string?)text)),
        (1, Gen.String[Gen.Char["ab '\"\\\n\r\t\u0001\u2028\u200B$;"], 0, 4].Select(text => (string?)text)));

    private static readonly Gen<VyosVersion> Version = Gen.Int[0, VyosVersion.All.Count - 1].Select(index => VyosVersion.All[index]);

    private static readonly Gen<int> RuleNumber = Gen.Frequency((8, Gen.Int[1, 999999]), (1, Gen.Int[-2, 0]), (1, Gen.Int[999999, 1000002]));

    // Per field: often a value VyOS takes for that field, otherwise anything from Text (which may suit another field).
    private static readonly Gen<NatDestinationRule> Rule = Gen.Select(
        Gen.Select(RuleNumber, Field("web server"), Field("192.0.2.0/24"), Field("443"), Field("eth0"), Field("tcp")),
        Gen.Select(Field("192.0.2.7"), Field("1000-2000"), Field("192.168.1.2"), Field("8443"), Gen.Bool, Gen.Bool),
        (a, b) => new NatDestinationRule(a.Item1)
        {
            Description = a.Item2,
            DestinationAddress = a.Item3,
            DestinationPort = a.Item4,
            InboundInterface = a.Item5,
            Protocol = a.Item6,
            SourceAddress = b.Item1,
            SourcePort = b.Item2,
            TranslationAddress = b.Item3,
            TranslationPort = b.Item4,
            Disabled = b.Item5,
            Log = b.Item6,
        });

    private static readonly Gen<DhcpStaticMapping> Mapping = Gen.Select(Field("LAN"), Field("192.168.64.0/24"), Field("nf-vm1"), Field("192.168.64.9"), Field("52:54:00:12:34:56"), Gen.Bool, (network, subnet, name, ip, mac, disabled) =>
        new DhcpStaticMapping(network ?? "LAN", subnet ?? "192.168.64.0/24", name ?? "nf-vm1") { IpAddress = ip, MacAddress = mac, Disabled = disabled });

    private static Gen<string?> Field(string valid) => Gen.Frequency((12, Gen.Const((string?)valid)), (1, Text));

    [Fact]
    public void A_rule_is_refused_without_rendering_exactly_when_rendering_refuses_it() =>
        AssertSameRefusals(Rule, (renderer, rule) => renderer.FindNatDestinationRuleProblem(rule), (renderer, rule) => renderer.SetNatDestinationRule(rule));

    [Fact]
    public void A_mapping_is_refused_without_rendering_exactly_when_rendering_refuses_it() =>
        AssertSameRefusals(Mapping, (renderer, mapping) => renderer.FindDhcpStaticMappingProblem(mapping), (renderer, mapping) => renderer.SetDhcpStaticMapping(mapping));

    private static void AssertSameRefusals<T>(
        Gen<T> objects,
        Func<VyosCommandRenderer, T, string?> findProblem,
        Func<VyosCommandRenderer, T, IReadOnlyList<VyosCommand>> render)
    {
        var refused = 0;
        Gen.Select(Version, objects).Sample(
            (version, item) =>
            {
                var renderer = new VyosCommandRenderer(version);
                var problem = findProblem(renderer, item);
                Assert.Equal(RenderProblem(() => render(renderer, item)), problem);
                refused += problem is null ? 0 : 1;
            },
            iter: 2000);

        // Both answers must have been exercised, or the comparison proves nothing.
        Assert.InRange(refused, 100, 1900);
    }

    private static string? RenderProblem(Func<IReadOnlyList<VyosCommand>> render)
    {
        try
        {
            render();
            return null;
        }
        catch (VyosValueRejectedException exception)
        {
            return exception.Message;
        }
    }
}
