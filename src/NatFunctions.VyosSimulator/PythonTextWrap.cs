using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Python's <c>textwrap.fill(text, width)</c> with its defaults, which VyOS's <c>ConfigError</c> applies to every
/// commit error: whitespace (newlines included) becomes spaces, words break after hyphens inside words, a line is
/// filled greedily, whitespace at line starts is dropped, and words longer than the width are cut.
/// </summary>
internal static partial class PythonTextWrap
{
    /// <param name="initialIndent">Python's <c>initial_indent</c>: prefixes the first line and counts toward its width.</param>
    public static string Fill(string text, int width = 72, string initialIndent = "")
    {
        var normalized = WhitespaceCharacter().Replace(text.Replace("\t", "        "), " ");
        var pending = new Stack<string>(Enumerable.Reverse(Chunks(normalized)));
        var lines = new List<string>();
        while (pending.Count > 0)
        {
            var line = new List<string>();
            var length = 0;
            var indent = lines.Count == 0 ? initialIndent : string.Empty;
            var width0 = width;
            width = width0 - indent.Length;
            if (lines.Count > 0 && IsSpace(pending.Peek())) pending.Pop();

            while (pending.Count > 0 && length + pending.Peek().Length <= width)
            {
                var chunk = pending.Pop();
                line.Add(chunk);
                length += chunk.Length;
            }

            if (pending.Count > 0 && pending.Peek().Length > width)
            {
                var longWord = pending.Pop();
                var room = Math.Max(1, width - length);
                line.Add(longWord[..room]);
                pending.Push(longWord[room..]);
            }

            if (line.Count > 0 && IsSpace(line[^1])) line.RemoveAt(line.Count - 1);
            if (line.Count > 0) lines.Add(indent + string.Concat(line));
            width = width0;
        }

        return string.Join('\n', lines);
    }

    private static bool IsSpace(string chunk) => chunk.Trim().Length == 0;

    private static List<string> Chunks(string text)
    {
        var chunks = new List<string>();
        foreach (Match match in ChunkPattern().Matches(text))
        {
            var chunk = match.Value;
            if (chunk.Trim().Length == 0)
            {
                chunks.Add(chunk);
                continue;
            }

            // break_on_hyphens: "inbound-interface" may break as "inbound-" / "interface".
            var start = 0;
            for (var i = 2; i < chunk.Length - 1; i++)
            {
                if (chunk[i] == '-' && i - start >= 2 && char.IsLetter(chunk[i - 2]) && char.IsLetter(chunk[i - 1]) && char.IsLetter(chunk[i + 1]))
                {
                    chunks.Add(chunk[start..(i + 1)]);
                    start = i + 1;
                }
            }

            chunks.Add(chunk[start..]);
        }

        return chunks;
    }

    [GeneratedRegex(@"\s+|\S+")]
    private static partial Regex ChunkPattern();

    [GeneratedRegex(@"[\n\r\v\f]")]
    private static partial Regex WhitespaceCharacter();
}
