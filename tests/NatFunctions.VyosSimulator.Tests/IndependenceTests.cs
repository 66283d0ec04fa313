using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// Decision 0018: the simulator shares nothing with the product, so a wrong idea of VyOS in the product cannot
/// hide in both. No project reference, no source file from outside its folder, no NatFunctions assembly loaded.
/// </summary>
public sealed partial class IndependenceTests
{
    /// <summary>How many consecutive normalised lines a simulator file may share with a product file: fewer.</summary>
    private const int SharedRunLimit = 6;

    private static readonly string SimulatorFolder = Path.Combine(RepositoryRoot(), "src", "NatFunctions.VyosSimulator");

    [Fact]
    public void The_simulator_project_references_no_project()
    {
        var project = XDocument.Load(Path.Combine(SimulatorFolder, "NatFunctions.VyosSimulator.csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Fact]
    public void The_simulator_compiles_no_source_file_from_outside_its_folder()
    {
        var project = XDocument.Load(Path.Combine(SimulatorFolder, "NatFunctions.VyosSimulator.csproj"));
        var includes = project.Descendants().Where(element => element.Name.LocalName is "Compile" or "Content" or "None")
            .Select(element => (string?)element.Attribute("Include") ?? string.Empty);

        Assert.DoesNotContain(includes, include => include.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(include));
    }

    [Fact]
    public void No_simulator_source_uses_a_product_namespace()
    {
        var offenders = Directory.EnumerateFiles(SimulatorFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadLines(file).Any(line => line.StartsWith("using NatFunctions.", StringComparison.Ordinal) && !line.StartsWith("using NatFunctions.VyosSimulator", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_simulator_assembly_references_no_other_natfunctions_assembly()
    {
        var references = typeof(CliSession).Assembly.GetReferencedAssemblies().Select(name => name.Name ?? string.Empty);

        Assert.DoesNotContain(references, name => name.StartsWith("NatFunctions", StringComparison.Ordinal));
        Assert.DoesNotContain(
            AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name ?? string.Empty),
            name => name == "NatFunctions.Core");
    }

    /// <summary>
    /// No project reference is not enough: a near-copy of a product file carries the product's idea of VyOS just the
    /// same. Every simulator source is compared with every Core and Infrastructure source, line by line after
    /// normalising (trimmed, white space folded; blank, comment, brace-only and using lines dropped), and any run of
    /// <see cref="SharedRunLimit"/> or more consecutive lines they share is named.
    /// </summary>
    [Fact]
    public void No_simulator_source_shares_a_run_of_lines_with_a_product_source()
    {
        var findings = SharedRuns(line => line);

        Assert.True(findings.Count == 0, $"The simulator shares code with the product (decision 0018):\n{string.Join("\n", findings)}");
    }

    /// <summary>
    /// The same with names, strings and numbers folded, so renaming a copied method's variables does not make it
    /// the simulator's own: only C# keywords and punctuation are left of each line (<c>if (i is null) return i;</c>).
    /// </summary>
    [Fact]
    public void No_simulator_source_shares_a_run_of_lines_with_a_product_source_but_for_names()
    {
        var findings = SharedRuns(NormalisedSource.Shape);

        Assert.True(findings.Count == 0, $"The simulator shares code shaped like the product's (decision 0018):\n{string.Join("\n", findings)}");
    }

    private static List<string> SharedRuns(Func<string, string> fold)
    {
        var root = RepositoryRoot();
        var productFiles = SourceFiles(Path.Combine(root, "src", "NatFunctions.Core"))
            .Concat(SourceFiles(Path.Combine(root, "src", "NatFunctions.Infrastructure")))
            .Select(file => NormalisedSource.Read(file, root, fold))
            .ToList();
        var windows = new Dictionary<string, List<(NormalisedSource File, int Start)>>(StringComparer.Ordinal);
        foreach (var product in productFiles)
        {
            for (var start = 0; start + SharedRunLimit <= product.Lines.Count; start++)
            {
                var key = product.Window(start, SharedRunLimit);
                if (!windows.TryGetValue(key, out var places)) windows[key] = places = [];
                places.Add((product, start));
            }
        }

        var findings = new List<string>();
        foreach (var simulator in SourceFiles(SimulatorFolder).Select(file => NormalisedSource.Read(file, root, fold)))
        {
            // Per product file, the simulator line up to which a run with it was already named.
            var reportedUpTo = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var start = 0; start + SharedRunLimit <= simulator.Lines.Count; start++)
            {
                if (!windows.TryGetValue(simulator.Window(start, SharedRunLimit), out var places)) continue;
                foreach (var (product, productStart) in places)
                {
                    // Report each run once, from its first window, at its full length.
                    if (reportedUpTo.GetValueOrDefault(product.RelativePath, -1) >= start) continue;
                    var length = SharedRunLimit;
                    while (start + length < simulator.Lines.Count && productStart + length < product.Lines.Count
                        && simulator.Lines[start + length].Key == product.Lines[productStart + length].Key) length++;
                    reportedUpTo[product.RelativePath] = start + length - 1;
                    findings.Add(
                        $"{simulator.RelativePath}:{simulator.Lines[start].Number}-{simulator.Lines[start + length - 1].Number} ~ "
                        + $"{product.RelativePath}:{product.Lines[productStart].Number}-{product.Lines[productStart + length - 1].Number} ({length} lines):\n"
                        + string.Join("\n", simulator.Lines.Skip(start).Take(length).Select(line => "    " + line.Text)));
                }
            }
        }

        return findings;
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NatFunctions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("NatFunctions.sln not found above the test output.");
    }

    /// <summary>A source file as the lines that carry code, each with its line number in the file.</summary>
    private sealed partial record NormalisedSource(string RelativePath, IReadOnlyList<(int Number, string Text, string Key)> Lines)
    {
        private static readonly HashSet<string> Keywords = new(
            """
            abstract as base bool break byte case catch char checked class const continue decimal default delegate do double
            else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal
            is lock long namespace new null object operator out override params private protected public readonly ref return
            sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked
            unsafe ushort using virtual void volatile while var record init get set value yield async await when and or not with
            """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
            StringComparer.Ordinal);

        public static NormalisedSource Read(string file, string root, Func<string, string> fold)
        {
            var lines = new List<(int, string, string)>();
            var number = 0;
            var inBlockComment = false;
            foreach (var raw in File.ReadLines(file))
            {
                number++;
                var line = Whitespace().Replace(raw.Trim(), " ");
                if (inBlockComment)
                {
                    inBlockComment = !line.Contains("*/", StringComparison.Ordinal);
                    continue;
                }

                if (line.StartsWith("/*", StringComparison.Ordinal))
                {
                    inBlockComment = !line.Contains("*/", StringComparison.Ordinal);
                    continue;
                }

                if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || BracesOnly().IsMatch(line) || UsingDirective().IsMatch(line)) continue;
                lines.Add((number, line, fold(line)));
            }

            return new NormalisedSource(Path.GetRelativePath(root, file), lines);
        }

        public string Window(int start, int count) => string.Join('\n', Lines.Skip(start).Take(count).Select(line => line.Key));

        /// <summary>A line with every literal and every name that is not a C# keyword folded to one letter.</summary>
        public static string Shape(string line)
        {
            var withoutLiterals = Literal().Replace(line, "s");
            return Word().Replace(withoutLiterals, word => Keywords.Contains(word.Value) ? word.Value : char.IsAsciiDigit(word.Value[0]) ? "0" : "i");
        }

        [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)+'")]
        private static partial Regex Literal();

        [GeneratedRegex(@"[A-Za-z0-9_]+")]
        private static partial Regex Word();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();

        [GeneratedRegex(@"^[{}()\[\];,]+$")]
        private static partial Regex BracesOnly();

        [GeneratedRegex(@"^(global )?using (static )?[\w.]+( = [\w.<>, ]+)?;$")]
        private static partial Regex UsingDirective();
    }
}
