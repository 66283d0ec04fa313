using CsCheck;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Planning;

/// <summary>
/// The planner compares a router's node with a desired object without rendering it (<see cref="RenderedContent"/>).
/// It must answer exactly what rendering the object into a scratch tree and comparing the two subtrees by content
/// (<see cref="ConfigLeaves"/>, the planner's former way) answers, on every version, for nodes that match, nodes that
/// differ in a field, and nodes with extra leaves, extra values, comments or values on inner nodes.
/// </summary>
public sealed class RenderedContentPropertyTests
{
    private static readonly string[] Vocabulary = ["description", "destination", "address", "port", "disable", "exclude", "inbound-interface", "name", "log", "protocol", "source", "translation", "ip-address", "mac", "mac-address", "x"];

    private static readonly string?[] SmallValues = [null, null, "", "a", "b", "eth0"];

    private static readonly Gen<string?> SmallValue = Gen.Int[0, SmallValues.Length - 1].Select(index => SmallValues[index]);

    private static readonly Gen<VyosVersion> Version = Gen.Int[0, VyosVersion.All.Count - 1].Select(index => VyosVersion.All[index]);

    // Per field: unset, or one of two values the renderer takes (so two objects often differ in one field only).
    private static readonly Gen<NatDestinationRule> Rule = Gen.Select(
        Gen.Select(Small("", "a"), Small("192.0.2.1", "10.0.0.0/8"), Small("80", "80-90"), Small("eth0", "eth1"), Small("tcp", "udp")),
        Gen.Select(Small("192.0.2.1", "192.0.2.2"), Small("22", "23"), Small("192.168.1.1", "192.168.1.2"), Small("80", "8080")),
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool),
        (a, b, flags) => new NatDestinationRule(10)
        {
            Description = a.Item1,
            DestinationAddress = a.Item2,
            DestinationPort = a.Item3,
            InboundInterface = a.Item4,
            Protocol = a.Item5,
            SourceAddress = b.Item1,
            SourcePort = b.Item2,
            TranslationAddress = b.Item3,
            TranslationPort = b.Item4,
            Disabled = flags.Item1,
            Exclude = flags.Item2,
            Log = flags.Item3,
        });

    private static readonly Gen<DhcpStaticMapping> Mapping = Gen.Select(Small("192.168.64.2", "192.168.64.3"), Small("52:54:00:00:00:01", "52:54:00:00:00:02"), Gen.Bool, (ip, mac, disabled) =>
        new DhcpStaticMapping("LAN", "192.168.64.0/24", "nf-vm1") { IpAddress = ip, MacAddress = mac, Disabled = disabled });

    // A change made on the router after the object was put there: a leaf or value set (maybe one that is already
    // there), a value added to a leaf, or a comment.
    private static readonly Gen<(int Kind, string[] Words, string Text)> Edit = Gen.Select(
        Gen.Int[0, 3],
        Gen.Int[0, Vocabulary.Length - 1].Array[1, 3].Select(indexes => indexes.Select(index => Vocabulary[index]).ToArray()),
        SmallValue.Select(value => value ?? "note"));

    [Fact]
    public void A_rule_node_matches_exactly_when_it_has_the_content_of_the_rendered_rule() =>
        AssertSameAnswers(
            Rule,
            (renderer, rule) => renderer.SetNatDestinationRule(rule),
            rule => VyosPaths.NatDestinationRule(rule.Number),
            ManagedObjectLayout.NatDestinationRule);

    [Fact]
    public void A_mapping_node_matches_exactly_when_it_has_the_content_of_the_rendered_mapping() =>
        AssertSameAnswers(
            Mapping,
            (renderer, mapping) => renderer.SetDhcpStaticMapping(mapping),
            mapping => VyosPaths.DhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name),
            ManagedObjectLayout.DhcpStaticMapping);

    private static Gen<string?> Small(string first, string second)
    {
        string?[] values = [null, null, first, second];
        return Gen.Int[0, values.Length - 1].Select(index => values[index]);
    }

    [Fact]
    public void A_missing_node_never_matches()
    {
        Assert.False(RenderedContent.Matches(null, new NatDestinationRule(10), ManagedObjectLayout.NatDestinationRule(VyosVersion.V1_4)));
    }

    /// <summary>
    /// The wanted object against a node holding it (half the time), another object, or it edited afterwards; the
    /// node is compared typed and, as the oracle, with the wanted object rendered into a scratch tree.
    /// </summary>
    private static void AssertSameAnswers<T>(
        Gen<T> objects,
        Func<VyosCommandRenderer, T, IReadOnlyList<VyosCommand>> render,
        Func<T, IReadOnlyList<string>> pathOf,
        Func<VyosVersion, IReadOnlyList<ConfigLeafField<T>>> layout)
    {
        var outcomes = new int[2];
        Gen.Select(Version, objects, objects, Gen.Frequency((2, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Int[2, 4])), Edit.Array[0, 3])
            .Sample(
                (version, wanted, other, variant, edits) =>
                {
                    var renderer = new VyosCommandRenderer(version);
                    var path = pathOf(wanted);
                    var actual = Tree(render(renderer, variant == 1 ? other : wanted), path, variant >= 2 ? edits : []);
                    var expected = Tree(render(renderer, wanted), path, []);
                    var node = actual.Find(path);

                    var matches = RenderedContent.Matches(node, wanted, layout(version));

                    Assert.Equal(ConfigLeaves.SameContent(node, expected.Find(path)), matches);
                    outcomes[matches ? 1 : 0]++;
                },
                iter: 3000);

        // Both answers must have been exercised, or the comparison above proves nothing.
        Assert.All(outcomes, count => Assert.True(count > 100, $"outcomes {outcomes[0]} / {outcomes[1]}"));
    }

    /// <summary>The object's commands applied, then the edits under its node, then printed and read back as a router's config is.</summary>
    private static ConfigTree Tree(IEnumerable<VyosCommand> commands, IReadOnlyList<string> objectPath, (int Kind, string[] Words, string Text)[] edits)
    {
        var tree = new ConfigTree();
        ConfigTreeEditor.Apply(tree, commands);
        foreach (var (kind, words, text) in edits)
        {
            string[] path = [.. objectPath, .. words];
            switch (kind)
            {
                case 0:
                    tree.Set(path);
                    break;
                case 1:
                    tree.Set(path, text);
                    break;
                case 2:
                    tree.Set(path, text, ValueMode.Append);
                    break;
                default:
                    tree.Set(path);
                    tree.Find(path)!.Comment = text;
                    break;
            }
        }

        return PlanningScenario.AsPrinted(tree);
    }
}
