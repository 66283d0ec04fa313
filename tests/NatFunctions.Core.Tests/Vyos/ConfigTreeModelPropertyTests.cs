using CsCheck;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

/// <summary>
/// <see cref="ConfigNode"/> stores children and values compactly (one held as itself, a few in an array, many in an
/// indexed list) and moves between the forms as they come and go. Random edits on a <see cref="ConfigTree"/> must
/// give what the plain model below (ordered lists, linear search) gives: same answers, same printed config.
/// </summary>
public sealed class ConfigTreeModelPropertyTests
{
    // Few enough words that paths collide; enough that a node gets past the index threshold (8) and back.
    private static readonly string[] Words = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "1", "2", "10", "x-1"];

    private static readonly Gen<(int Kind, string[] Path, string Value)> Operation = Gen.Select(
        Gen.Frequency((4, Gen.Const(0)), (3, Gen.Const(1)), (2, Gen.Const(2)), (1, Gen.Const(3)), (1, Gen.Const(4))),
        Gen.Int[0, Words.Length - 1].Array[1, 3].Select(indexes => indexes.Select(index => Words[index]).ToArray()),
        Gen.Int[0, 2].Select(index => "v" + index));

    [Fact]
    public void Random_edits_give_the_same_answers_and_config_as_a_plain_model()
    {
        Operation.Array[0, 80].Sample(operations =>
        {
            var tree = new ConfigTree();
            var model = new ModelNode(string.Empty);
            foreach (var (kind, path, value) in operations)
            {
                switch (kind)
                {
                    case 0:
                        Assert.Equal(model.Set(path, value, append: true), tree.Set(path, value, ValueMode.Append));
                        break;
                    case 1:
                        Assert.Equal(model.Set(path, value, append: false), tree.Set(path, value));
                        break;
                    case 2:
                        Assert.Equal(model.Delete(path, null), tree.Delete(path));
                        break;
                    case 3:
                        Assert.Equal(model.Delete(path, value), tree.Delete(path, value));
                        break;
                    default:
                        // Put a copy of one top-level subtree in the place of another (or remove it).
                        var source = tree.Find([path[^1]]);
                        var copy = source?.DeepClone();
                        tree.ReplaceTopLevel(path[0], copy is null ? null : Renamed(copy, path[0]));
                        model.ReplaceChild(path[0], model.Find([path[^1]])?.CloneAs(path[0]));
                        break;
                }

                Assert.Equal(model.Lines(), ConfigCommandsRenderer.RenderLines(tree));
            }

            Assert.True(tree.ContentEquals(ConfigCommandsParser.Parse(ConfigCommandsRenderer.Render(tree))));
            Assert.True(tree.ContentEquals(tree.DeepClone()));
        });
    }

    private static ConfigNode Renamed(ConfigNode node, string name)
    {
        var renamed = new ConfigNode(name) { Comment = node.Comment };
        foreach (var value in node.Values) renamed.AddValue(value);
        foreach (var child in node.Children) renamed.ReplaceChild(child.Name, child);
        return renamed;
    }

    /// <summary>The plain reference: what a node does, with lists and linear searches only.</summary>
    private sealed class ModelNode(string name)
    {
        public string Name { get; } = name;

        public List<ModelNode> Children { get; } = [];

        public List<string> Values { get; } = [];

        public ModelNode? Find(IEnumerable<string> path)
        {
            var node = this;
            foreach (var word in path)
            {
                node = node.Children.Find(child => child.Name == word);
                if (node is null) return null;
            }

            return node;
        }

        public bool Set(string[] path, string value, bool append)
        {
            var changed = false;
            var node = this;
            foreach (var word in path)
            {
                var next = node.Children.Find(child => child.Name == word);
                if (next is null)
                {
                    next = new ModelNode(word);
                    var position = node.Children.FindIndex(sibling => DebianVersionComparer.Instance.Compare(sibling.Name, word) > 0);
                    node.Children.Insert(position < 0 ? node.Children.Count : position, next);
                    changed = true;
                }

                node = next;
            }

            if (append)
            {
                if (node.Values.Contains(value)) return changed;
                node.Values.Add(value);
                return true;
            }

            if (node.Values.Count == 1 && node.Values[0] == value) return changed;
            node.Values.Clear();
            node.Values.Add(value);
            return true;
        }

        public bool Delete(string[] path, string? value)
        {
            var chain = new List<ModelNode> { this };
            foreach (var word in path)
            {
                var next = chain[^1].Children.Find(child => child.Name == word);
                if (next is null) return false;
                chain.Add(next);
            }

            if (value is not null)
            {
                if (!chain[^1].Values.Remove(value)) return false;
                if (chain[^1].Values.Count > 0 || chain[^1].Children.Count > 0) return true;
            }

            for (var depth = chain.Count - 1; depth > 0; depth--)
            {
                chain[depth - 1].Children.Remove(chain[depth]);
                if (chain[depth - 1].Values.Count > 0 || chain[depth - 1].Children.Count > 0) break;
            }

            return true;
        }

        public void ReplaceChild(string childName, ModelNode? replacement)
        {
            var index = Children.FindIndex(child => child.Name == childName);
            if (index >= 0) Children.RemoveAt(index);
            if (replacement is null) return;
            if (index < 0)
            {
                index = Children.FindIndex(sibling => DebianVersionComparer.Instance.Compare(sibling.Name, childName) > 0);
                if (index < 0) index = Children.Count;
            }

            Children.Insert(index, replacement);
        }

        public ModelNode CloneAs(string newName)
        {
            var copy = new ModelNode(newName);
            copy.Values.AddRange(Values);
            copy.Children.AddRange(Children.Select(child => child.CloneAs(child.Name)));
            return copy;
        }

        public List<string> Lines()
        {
            var lines = new List<string>();
            foreach (var child in Children) child.AddLines([], lines);
            return lines;
        }

        private void AddLines(List<string> parent, List<string> lines)
        {
            List<string> path = [.. parent, Name];
            var text = string.Join(' ', path);
            if (Values.Count == 0 && Children.Count == 0) lines.Add("set " + text);
            foreach (var value in Values) lines.Add("set " + text + " '" + value + "'");
            foreach (var child in Children) child.AddLines(path, lines);
        }
    }
}
