using System.Text;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Splits a command line into words the way bash does for the simple commands VyOS users type:
/// whitespace separates words, <c>'…'</c> is literal, <c>"…"</c> allows <c>\"</c>, <c>\\</c>, <c>\$</c> and <c>\`</c>,
/// and a backslash outside quotes takes the next character literally.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string>? TrySplit(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }

            inWord = true;
            switch (c)
            {
                case '\'':
                    var end = line.IndexOf('\'', i + 1);
                    if (end < 0) return null;
                    current.Append(line, i + 1, end - i - 1);
                    i = end;
                    break;
                case '"':
                    i++;
                    while (i < line.Length && line[i] != '"')
                    {
                        if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') i++;
                        current.Append(line[i]);
                        i++;
                    }

                    if (i >= line.Length) return null;
                    break;
                case '\\':
                    if (i + 1 < line.Length) current.Append(line[++i]);
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }

        if (inWord) words.Add(current.ToString());
        return words;
    }
}
