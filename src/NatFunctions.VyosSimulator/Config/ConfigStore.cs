namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// A whole configuration kept as vyatta-cfg keeps it (sagitta:src/cstore/unionfs/cstore-unionfs.cpp): every node is
/// a directory found by its path, so this is a map from a path to the node stored there. A path is the node names
/// joined with <c>/</c>, each escaped as <c>_escape_path_name</c> escapes file names (<c>%</c> → <c>%25</c>,
/// <c>/</c> → <c>%2F</c>, the empty name → <c>%%%</c>), so a subnet tag value like <c>10.0.0.0/24</c> stays one
/// path element. Every node given is kept, modelled by the schema or not. The root is the empty path.
/// </summary>
internal sealed class ConfigStore
{
    private const string RootPath = "";

    private readonly Dictionary<string, StoredNode> directories;

    // The paths of the last path looked up, by length: consecutive lines of a config share most of their path.
    private string[] lastWords = [];
    private string[] lastPaths = [];

    public ConfigStore()
    {
        this.directories = new Dictionary<string, StoredNode>(StringComparer.Ordinal) { [RootPath] = new StoredNode() };
    }

    private ConfigStore(Dictionary<string, StoredNode> directories)
    {
        this.directories = directories;
    }

    /// <summary>The unnamed root; its children are the top-level nodes (<c>interfaces</c>, <c>nat</c>, …).</summary>
    public ConfigNode Root => new(this, RootPath, string.Empty, this.directories[RootPath]);

    public static string ChildPath(string parentPath, string name) => parentPath + "/" + EscapeName(name);

    public ConfigStore DeepClone() =>
        new(this.directories.ToDictionary(entry => entry.Key, entry => entry.Value.Copy(), StringComparer.Ordinal));

    /// <summary>The same paths with the same values and comments: the order things were set in does not count.</summary>
    public bool ContentEquals(ConfigStore other) =>
        this.directories.Count == other.directories.Count
        && this.directories.All(entry => other.directories.TryGetValue(entry.Key, out var theirs) && entry.Value.SameFiles(theirs));

    public ConfigNode? Find(IReadOnlyList<string> path) =>
        path.Count == 0 ? Root : At(PathOf(path), path[^1]);

    public bool Exists(IReadOnlyList<string> path) => path.Count == 0 || this.directories.ContainsKey(PathOf(path));

    /// <summary>The first value of the leaf at <paramref name="path"/>, or null.</summary>
    public string? Value(params string[] path) =>
        this.directories.TryGetValue(PathOf(path), out var node) && node.Values.Count > 0 ? node.Values[0] : null;

    /// <summary>
    /// Creates the directories of <paramref name="path"/> that are missing (<c>mkdir -p</c>) and, when
    /// <paramref name="value"/> is given, writes it to the last one's <c>node.val</c>. False when nothing changed.
    /// </summary>
    public bool Set(IReadOnlyList<string> path, string? value, ValueMode mode)
    {
        var paths = PathsOf(path);
        var created = false;
        var parent = this.directories[RootPath];
        for (var depth = 0; depth < path.Count; depth++)
        {
            if (!this.directories.TryGetValue(paths[depth], out var directory))
            {
                directory = new StoredNode();
                this.directories.Add(paths[depth], directory);
                parent.Link(path[depth]);
                created = true;
            }

            parent = directory;
        }

        if (value is null) return created;
        var values = parent.Values;
        if (mode == ValueMode.Append)
        {
            if (values.Contains(value)) return created;
            values.Add(value);
            return true;
        }

        if (values is [var only] && only == value) return created;
        values.Clear();
        values.Add(value);
        return true;
    }

    /// <summary>Writes the node's <c>.comment</c> file (creating the node when it is missing).</summary>
    public void SetComment(IReadOnlyList<string> path, string text)
    {
        Set(path, null, ValueMode.Replace);
        this.directories[PathOf(path)].Comment = text;
    }

    /// <summary>
    /// Removes <paramref name="value"/> from the leaf's <c>node.val</c>, or the node's whole directory; then, as
    /// vyatta-cfg does when the last tag value of a tag node goes, each parent directory left empty. False when
    /// there was nothing to delete.
    /// </summary>
    public bool Delete(IReadOnlyList<string> path, string? value)
    {
        var target = PathOf(path);
        if (!this.directories.TryGetValue(target, out var node)) return false;
        if (value is not null)
        {
            if (!node.Values.Remove(value)) return false;
            if (!node.IsEmpty) return true;
        }

        RemoveDirectory(target);
        RemoveEmptyParents(target);
        return true;
    }

    /// <summary>
    /// Makes the subtree at <paramref name="path"/> what it is in <paramref name="source"/> (absent there: removed
    /// here, with parents left empty), e.g. to keep the active <c>nat</c> after its conf script refused the commit.
    /// </summary>
    public void ReplaceSubtree(IReadOnlyList<string> path, ConfigStore source)
    {
        var target = PathOf(path);
        if (this.directories.ContainsKey(target)) RemoveDirectory(target);
        if (!source.directories.ContainsKey(target))
        {
            RemoveEmptyParents(target);
            return;
        }

        Set(path, null, ValueMode.Replace);
        var pending = new Stack<string>([target]);
        while (pending.TryPop(out var directory))
        {
            var copy = source.directories[directory].Copy();
            this.directories[directory] = copy;
            foreach (var name in copy.ChildNames) pending.Push(ChildPath(directory, name));
        }
    }

    internal ConfigNode? At(string storedPath, string name) =>
        this.directories.TryGetValue(storedPath, out var stored) ? new ConfigNode(this, storedPath, name, stored) : null;

    private static string EscapeName(string name)
    {
        if (name.Length == 0) return "%%%";
        if (name.AsSpan().IndexOfAny('%', '/') < 0) return name;
        return name.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);
    }

    private static string UnescapeName(string element) =>
        element == "%%%" ? string.Empty : element.Replace("%2F", "/", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);

    private static (string Parent, string Name) SplitLast(string storedPath)
    {
        var slash = storedPath.LastIndexOf('/');
        return (storedPath[..slash], UnescapeName(storedPath[(slash + 1)..]));
    }

    private string PathOf(IReadOnlyList<string> path) => path.Count == 0 ? RootPath : PathsOf(path)[path.Count - 1];

    /// <summary>The stored path of every prefix of <paramref name="path"/>: index 0 is the first word's.</summary>
    private string[] PathsOf(IReadOnlyList<string> path)
    {
        var shared = 0;
        while (shared < path.Count && shared < this.lastWords.Length && path[shared] == this.lastWords[shared]) shared++;
        if (shared == path.Count && shared == this.lastWords.Length) return this.lastPaths;

        var paths = new string[path.Count];
        Array.Copy(this.lastPaths, paths, shared);
        for (var depth = shared; depth < path.Count; depth++) paths[depth] = ChildPath(depth == 0 ? RootPath : paths[depth - 1], path[depth]);
        this.lastWords = [.. path];
        this.lastPaths = paths;
        return paths;
    }

    /// <summary><c>rm -r</c>: the directory, everything under it, and its name in its parent's listing.</summary>
    private void RemoveDirectory(string storedPath)
    {
        var pending = new Stack<string>([storedPath]);
        while (pending.TryPop(out var directory))
        {
            foreach (var name in this.directories[directory].ChildNames) pending.Push(ChildPath(directory, name));
            this.directories.Remove(directory);
        }

        var (parent, child) = SplitLast(storedPath);
        this.directories[parent].Unlink(child);
    }

    private void RemoveEmptyParents(string storedPath)
    {
        var (parent, _) = SplitLast(storedPath);
        while (parent != RootPath && this.directories.TryGetValue(parent, out var directory) && directory.IsEmpty)
        {
            RemoveDirectory(parent);
            parent = SplitLast(parent).Parent;
        }
    }
}
