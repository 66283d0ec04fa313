namespace NatFunctions.LocalHost.Routing;

internal sealed record RouteParameter(string Name, IReadOnlyList<RouteConstraint> Constraints, bool IsOptional, bool IsCatchAll, string? DefaultValue)
{
    public bool Accepts(string value) => Constraints.All(constraint => constraint.Accepts(value));

    /// <summary>Parses the inside of braces: <c>name</c>, <c>name?</c>, <c>*rest</c>, <c>name:int</c>, <c>name=default</c>.</summary>
    public static RouteParameter Parse(string text)
    {
        var isCatchAll = text.StartsWith('*');
        var body = text.TrimStart('*');
        string? defaultValue = null;
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            defaultValue = body[(equals + 1)..];
            body = body[..equals];
        }

        var isOptional = body.EndsWith('?');
        body = body.TrimEnd('?');
        var parts = SplitConstraints(body);
        if (parts[0].Length == 0)
        {
            throw new FormatException($"Route parameter '{{{text}}}' has no name.");
        }

        return new RouteParameter(parts[0], parts.Skip(1).Select(RouteConstraint.Parse).ToList(), isOptional || defaultValue is not null, isCatchAll, defaultValue);
    }

    // Colons inside a constraint's parentheses (a regex) do not start a new constraint.
    private static List<string> SplitConstraints(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            depth += text[index] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[index] == ':' && depth == 0)
            {
                parts.Add(text[start..index]);
                start = index + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
