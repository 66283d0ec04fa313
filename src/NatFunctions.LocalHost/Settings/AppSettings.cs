using System.Text.RegularExpressions;

namespace NatFunctions.LocalHost.Settings;

/// <summary>The app settings the worker runs with, as the Functions host would give them: local.settings.json Values
/// overlaid by the environment.</summary>
internal sealed partial class AppSettings(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>Looks a name up the way .NET configuration does, where `A:B` and the environment's `A__B` are the same key.</summary>
    public string? Find(string name)
    {
        foreach (var candidate in new[] { name, name.Replace(":", "__", StringComparison.Ordinal), name.Replace("__", ":", StringComparison.Ordinal) })
        {
            if (Values.TryGetValue(candidate, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Replaces each %Name% with its setting, as the host's name resolver does for binding expressions.</summary>
    public string ResolvePlaceholders(string text)
        => PlaceholderPattern().Replace(text, match => Find(match.Groups[1].Value) ?? throw new MissingAppSettingException(match.Groups[1].Value));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex PlaceholderPattern();
}
