namespace NatFunctions.Core.Vyos;

/// <summary>
/// Finds or appends the nodes of one parsed line's path. Consecutive lines mostly share their leading words (a rule
/// prints six lines under <c>nat destination rule N</c>), so the nodes of the previous line's path are kept and the
/// shared whole words are not looked up again: on a big router that skips a hash lookup among thousands of rules
/// for all but the first line of each rule.
/// </summary>
/// <remarks>
/// A node this parse created collects its children in a reused buffer while it is on the path (its lines are
/// adjacent in real output) and receives them in one exact-size array when the path leaves it, instead of a new
/// array per appended child (a rule's five children cost four arrays, three of them garbage). A node that gets more
/// than a few children, or that the text returns to after leaving it, takes them one at a time as before.
/// <see cref="Finish"/> hands over what the nodes still on the path hold.
/// </remarks>
internal sealed class ConfigPathWalker
{
    // The root and the nodes of the previous line's path: this.path[0] is the root, this.path[depth + 1] the node of the
    // word at depth.
    private readonly List<ConfigNode> path = [];

    // Per entry of this.path: the children collected for it so far, or null when its children live in the node itself
    // (it existed before, was revisited, or outgrew the buffer).
    private readonly List<List<ConfigNode>?> collected = [];
    private readonly Stack<List<ConfigNode>> spareBuffers = new();
    private readonly ConfigWordPool words;
    private ReadOnlyMemory<char> previousPath;

    public ConfigPathWalker(ConfigNode root, ConfigWordPool words)
    {
        this.words = words;
        this.path.Add(root);
        this.collected.Add(root.ChildCount == 0 ? Rent() : null);
    }

    /// <param name="path">Words separated by single spaces (the parser has checked).</param>
    public ConfigNode Walk(ReadOnlyMemory<char> path)
    {
        var text = path.Span;
        var previous = this.previousPath.Span;
        var shared = text.CommonPrefixLength(previous);
        var depth = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var space = text[start..].IndexOf(' ');
            var end = space < 0 ? text.Length : start + space;

            // A word is the previous line's word at this depth when everything up to its end is shared and the
            // previous path has a word boundary there too.
            var reusable = depth + 1 < this.path.Count
                && end <= shared
                && (end == previous.Length || previous[end] == ' ');
            if (!reusable)
            {
                Leave(depth + 1);
                this.path.Add(Child(depth, text[start..end], out var created));
                this.collected.Add(created ? Rent() : null);
            }

            depth++;
            start = end + 1;
        }

        Leave(depth + 1);
        this.previousPath = path;
        return this.path[depth];
    }

    /// <summary>Gives every node still on the path the children collected for it; the tree is complete after this.</summary>
    public void Finish() => Leave(0);

    /// <summary>The child named <paramref name="word"/> of the node at <paramref name="depth"/> on the path, appended when missing.</summary>
    private ConfigNode Child(int depth, ReadOnlySpan<char> word, out bool created)
    {
        var parent = this.path[depth];
        var collected = this.collected[depth];
        if (collected is not null)
        {
            foreach (var child in collected)
            {
                if (word.SequenceEqual(child.Name))
                {
                    created = false;
                    return child;
                }
            }

            // Past a few children the node keeps them itself, with its name index (a router's thousands of rules).
            if (collected.Count < ConfigNode.IndexThreshold)
            {
                var fresh = new ConfigNode(this.words.Get(word));
                collected.Add(fresh);
                created = true;
                return fresh;
            }

            HandOver(depth);
        }

        var countBefore = parent.ChildCount;
        var found = parent.GetOrAppendChild(word, this.words);
        created = parent.ChildCount != countBefore;
        return found;
    }

    /// <summary>Drops the path entries from <paramref name="depth"/> on, handing each its collected children.</summary>
    private void Leave(int depth)
    {
        for (var index = this.path.Count - 1; index >= depth; index--)
        {
            HandOver(index);
            this.path.RemoveAt(index);
            this.collected.RemoveAt(index);
        }
    }

    private void HandOver(int index)
    {
        if (this.collected[index] is not { } collected) return;
        if (collected.Count > 0) this.path[index].SetParsedChildren(collected);
        collected.Clear();
        this.spareBuffers.Push(collected);
        this.collected[index] = null;
    }

    private List<ConfigNode> Rent() => this.spareBuffers.TryPop(out var buffer) ? buffer : [];
}
