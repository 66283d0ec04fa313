using NatFunctions.VyosSimulator.Config;
using NatFunctions.VyosSimulator.Schema;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Walks <c>set</c>/<c>delete</c> words through the schema, telling path words from the value and checking both with
/// VyOS's texts: an invalid path word bracketed (vyatta-cfg functions/interpreter/vyatta-cfg-run
/// <c>vyatta_cfg_validate_cmd</c>), value validation and the other set/delete messages (vyatta-cfg src/cstore/cstore.cpp).
/// </summary>
/// <remarks>
/// In areas the schema leaves open, a final word is a tag value (a node) when the word before it is a common tag node
/// name (<c>ethernet eth0</c>, <c>server time1.vyos.net</c>) or already has children in the config; otherwise it is the
/// leaf's value. That matches how people write those commands; the product never writes there.
/// </remarks>
internal sealed class PathResolver(SchemaNode root)
{
    private static readonly HashSet<string> CommonTagNodeNames = new(StringComparer.Ordinal)
    {
        "ethernet", "bonding", "bridge", "dummy", "loopback", "pppoe", "vif", "vif-s", "vif-c", "wireguard", "tunnel", "vxlan",
        "openvpn", "pseudo-ethernet", "rule", "name", "server", "user", "address-group", "network-group", "port-group",
        "interface-group", "domain-group", "route", "interface-route", "next-hop", "neighbor", "range", "static-mapping",
        "shared-network-name", "subnet", "peer", "interface", "ipv6-name", "table", "key", "id", "host-name", "static-host-mapping",
        "listen-address", "instance", "virtual-server", "prefix-list", "route-map", "access-list", "community-list", "policy",
    };

    public const string TagWhitespaceMessage = "Tag node value name must not contain whitespace";

    public ResolvedPath ResolveSet(IReadOnlyList<string> words, ConfigStore working) => Resolve(words, working, isDelete: false);

    public ResolvedPath ResolveDelete(IReadOnlyList<string> words, ConfigStore working) => Resolve(words, working, isDelete: true);

    private ResolvedPath Resolve(IReadOnlyList<string> words, ConfigStore working, bool isDelete)
    {
        var failed = isDelete ? "Delete failed" : "Set failed";
        var node = root;
        var atTagValue = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (node.Kind == SchemaNodeKind.Tag && !atTagValue)
            {
                // vyatta-cfg cstore.cpp refuses such a tag value before running its validators (A5 d).
                if (!isDelete && word.Any(char.IsWhiteSpace)) return ResolvedPath.Failed(new CliMessage([TagWhitespaceMessage, failed]));
                var problem = isDelete ? null : node.Constraint?.Check(word);
                if (problem is not null) return ResolvedPath.Failed(new CliMessage([.. problem, failed]));
                atTagValue = true;
                continue;
            }

            if (node.Kind == SchemaNodeKind.Leaf)
            {
                return ResolveLeafValue(words, i, node, isDelete, failed);
            }

            var child = node.Child(word);
            if (child is null)
            {
                if (node.AcceptsAnyChild) return ResolveOpenArea(words, i, working);
                return ResolvedPath.Failed(InvalidPath(words, i, failed));
            }

            node = child;
            atTagValue = false;
        }

        if (node.Kind == SchemaNodeKind.Leaf && !node.IsValueless && !isDelete)
        {
            return ResolvedPath.Failed(new CliMessage([$"Configuration path: [{string.Join(' ', words)}] requires a value", failed]));
        }

        return new ResolvedPath(words, null, ValueMode.Replace, null);
    }

    private static ResolvedPath ResolveLeafValue(IReadOnlyList<string> words, int valueIndex, SchemaNode leaf, bool isDelete, string failed)
    {
        if (leaf.IsValueless || valueIndex < words.Count - 1)
        {
            var invalidIndex = leaf.IsValueless ? valueIndex : valueIndex + 1;
            return ResolvedPath.Failed(InvalidPath(words, invalidIndex, failed));
        }

        var value = words[valueIndex];
        if (!isDelete)
        {
            var quoteProblem = QuoteProblem(value);
            if (quoteProblem is not null) return ResolvedPath.Failed(new CliMessage([quoteProblem, failed]));

            var problem = leaf.Constraint?.Check(value);
            if (problem is not null) return ResolvedPath.Failed(new CliMessage([.. problem, failed]));
        }

        return new ResolvedPath(words.Take(valueIndex).ToArray(), value, leaf.IsMulti ? ValueMode.Append : ValueMode.Replace, null);
    }

    private static ResolvedPath ResolveOpenArea(IReadOnlyList<string> words, int firstUnknown, ConfigStore working)
    {
        var remaining = words.Count - firstUnknown;
        var lastIsNode = remaining == 1
            || CommonTagNodeNames.Contains(words[^2])
            || working.Find(words.Take(words.Count - 1).ToArray()) is { HasChildren: true };
        if (lastIsNode) return new ResolvedPath(words, null, ValueMode.Replace, null);

        var quoteProblem = QuoteProblem(words[^1]);
        if (quoteProblem is not null) return ResolvedPath.Failed(new CliMessage([quoteProblem, "Set failed"]));

        var mode = VyosSchema.IsMultiOutsideSchema(words[^2]) ? ValueMode.Append : ValueMode.Replace;
        return new ResolvedPath(words.Take(words.Count - 1).ToArray(), words[^1], mode, null);
    }

    /// <summary>vyatta-cfg <c>cli_new.c validate_value</c>.</summary>
    private static string? QuoteProblem(string value)
    {
        if (value.Contains('\'')) return "Cannot use the single quote (') character in a value string";
        if (value.Contains('\n')) return "Cannot use the newline character in a value string";
        if (value.Contains('"')) return "Cannot use the double quote (\") character in a value string";
        return null;
    }

    private static CliMessage InvalidPath(IReadOnlyList<string> words, int invalidIndex, string failed)
    {
        var prefix = string.Join(' ', words.Take(invalidIndex));
        var text = prefix.Length == 0
            ? $"Configuration path: [{words[invalidIndex]}] is not valid"
            : $"Configuration path: {prefix} [{words[invalidIndex]}] is not valid";
        return new CliMessage([text, failed], ToStandardError: true);
    }
}
