using System.Text;
using CsCheck;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

/// <summary>
/// The parser hands a node's children over in one piece when its lines end (<see cref="ConfigPathWalker"/>); these
/// check that the tree is still exactly what appending line by line gives, in whatever order the lines come: nodes
/// with more children than the collecting buffer holds, lines that return to a node after leaving it, lines that
/// stop above the previous one, comments.
/// </summary>
public sealed class ConfigPathWalkerPropertyTests
{
    // Few words and short paths, so siblings repeat, nodes get past eight children and lines revisit nodes.
    private static readonly string[] Words = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "10", "100"];
    private static readonly string?[] Values = [null, "v", "w", "two words", "it's"];

    private static readonly Gen<string> Word = Gen.Int[0, Words.Length - 1].Select(index => Words[index]);

    private static readonly Gen<(string[] Path, string? Value, bool IsComment)> Line =
        Gen.Select(
            Word.Array[1, 4],
            Gen.Int[0, Values.Length - 1].Select(index => Values[index]),
            Gen.Frequency((8, Gen.Const(false)), (1, Gen.Const(true))));

    [Fact]
    public void Parsing_lines_in_any_order_builds_what_appending_them_one_by_one_builds()
    {
        Line.Array[0, 60].Sample(lines =>
        {
            var text = new StringBuilder();
            var expected = new ConfigTree();
            foreach (var (path, value, isComment) in lines)
            {
                var comment = isComment ? value ?? "note" : null;
                text.Append(isComment ? "comment " : "set ").AppendJoin(' ', path);
                if (isComment)
                {
                    text.Append(" '").Append(comment).Append('\'');
                    expected.Set(path, null, ValueMode.Append, ChildPlacement.Append);
                    expected.Find(path)!.Comment = comment;
                }
                else
                {
                    if (value is not null) text.Append(" '").Append(value).Append('\'');
                    expected.Set(path, value, ValueMode.Append, ChildPlacement.Append);
                }

                text.Append('\n');
            }

            var parsed = ConfigCommandsParser.Parse(text.ToString());

            Assert.True(parsed.ContentEquals(expected), text.ToString());
            foreach (var (path, _, _) in lines) Assert.NotNull(parsed.Find(path));
        });
    }

    [Fact]
    public void A_node_with_more_children_than_the_buffer_keeps_them_all_in_text_order_and_finds_each()
    {
        var names = Enumerable.Range(1, 12).Select(number => $"n{number}").ToArray();
        var text = string.Concat(names.Select(name => $"set x {name} 'v'\n"));

        var parsed = ConfigCommandsParser.Parse(text);

        var parent = parsed.Find(["x"])!;
        Assert.Equal(names, parent.Children.Select(child => child.Name));
        foreach (var name in names) Assert.Equal(["v"], parent.FindChild(name)!.Values);
        Assert.Equal(text, ConfigCommandsRenderer.Render(parsed));
    }

    [Fact]
    public void Lines_that_return_to_a_node_after_leaving_it_add_to_the_same_node()
    {
        const string text = """
            set nat destination rule 10 description 'first'
            set nat destination rule 20 description 'second'
            set nat destination rule 10 protocol 'tcp'
            set system host-name 'edge'
            set nat destination rule 20 translation port '22'
            set nat destination rule 10 translation address '10.0.0.1'
            set nat destination rule 10 translation port '80'

            """;

        var parsed = ConfigCommandsParser.Parse(text);

        Assert.Equal(["nat", "system"], parsed.Root.Children.Select(child => child.Name));
        var rule10 = parsed.Find(["nat", "destination", "rule", "10"])!;
        Assert.Equal(["description", "protocol", "translation"], rule10.Children.Select(child => child.Name));
        Assert.Equal(["address", "port"], rule10.FindChild("translation")!.Children.Select(child => child.Name));
        Assert.Equal(["description", "translation"], parsed.Find(["nat", "destination", "rule", "20"])!.Children.Select(child => child.Name));
    }

    [Fact]
    public void A_parsed_tree_takes_later_edits_like_any_other()
    {
        var parsed = ConfigCommandsParser.Parse(string.Concat(Enumerable.Range(1, 10).Select(number => $"set r {number} p '{number}'\n")));

        parsed.Set(["r", "5", "q"], "x");
        parsed.Delete(["r", "3"]);

        Assert.Equal(["x"], parsed.Find(["r", "5", "q"])!.Values);
        Assert.Null(parsed.Find(["r", "3"]));
        Assert.Equal(9, parsed.Find(["r"])!.Children.Count);
    }
}
