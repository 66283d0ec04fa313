using CsCheck;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

public sealed class ConfigCommandsParserPropertyTests
{
    // Strings biased towards the characters that matter for quoting, plus anything at all.
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["'\"\\\n\r\t \u0001\u007f\u2028\u200Babcé😀x"], 0, 12]);

    private static readonly Gen<string> PathWord = Gen.String[Gen.Char["abcxyz019.-_/:"], 1, 4];

    private static readonly Gen<(string[] Path, string? Value, string? Comment)> Entry =
        Gen.Select(
            PathWord.Array[1, 4],
            Gen.Frequency((3, AnyText.Select(text => (string?)text)), (1, Gen.Const((string?)null))),
            Gen.Frequency((5, Gen.Const((string?)null)), (1, AnyText.Select(text => (string?)text))));

    private static readonly Gen<ConfigTree> AnyTree = Entry.Array[0, 25].Select(entries =>
    {
        var tree = new ConfigTree();
        foreach (var (path, value, comment) in entries)
        {
            tree.Set(path, value, ValueMode.Append);
            if (comment is not null) tree.Find(path)!.Comment = comment;
        }

        return tree;
    });

    [Fact]
    public void Render_parse_render_is_the_identity()
    {
        AnyTree.Sample(tree =>
        {
            var rendered = ConfigCommandsRenderer.Render(tree);
            var parsed = ConfigCommandsParser.Parse(rendered);

            Assert.Equal(rendered, ConfigCommandsRenderer.Render(parsed));
            Assert.True(parsed.ContentEquals(tree));
        });
    }

    [Fact]
    public void A_value_is_refused_or_read_back_exactly()
    {
        AnyText.Sample(text =>
        {
            if (!VyosValue.TryCreate(text, out var value, out _)) return;

            var line = "set system login banner pre-login " + value!.Quoted;
            var parsed = ConfigCommandsParser.Parse(line + "\n");

            Assert.Equal(text, Assert.Single(parsed.Find(["system", "login", "banner", "pre-login"])!.Values));
            Assert.Equal(line + "\n", ConfigCommandsRenderer.Render(parsed));
        });
    }
}
