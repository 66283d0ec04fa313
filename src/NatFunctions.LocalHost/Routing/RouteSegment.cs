using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.LocalHost.Routing;

/// <summary>One '/'-separated part of a template: a literal, a whole-segment parameter, or a mix
/// (<c>{name}.{ext}</c>) matched with a regular expression.</summary>
internal sealed class RouteSegment
{
    private readonly string? literal;
    private readonly Regex? complexPattern;

    private RouteSegment(RouteSegmentKind kind, string? literal, IReadOnlyList<RouteParameter> parameters, Regex? complexPattern)
    {
        Kind = kind;
        this.literal = literal;
        Parameters = parameters;
        this.complexPattern = complexPattern;
    }

    public RouteSegmentKind Kind { get; }

    public IReadOnlyList<RouteParameter> Parameters { get; }

    public RouteParameter? WholeParameter => Kind is RouteSegmentKind.Literal or RouteSegmentKind.Complex ? null : Parameters[0];

    public static RouteSegment Parse(string text)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return new RouteSegment(RouteSegmentKind.Literal, text, [], null);
        }

        if (text.StartsWith('{') && text.EndsWith('}') && text.IndexOf('{', 1) < 0)
        {
            var parameter = RouteParameter.Parse(text[1..^1]);
            var kind = parameter.IsCatchAll ? RouteSegmentKind.CatchAll
                : parameter.IsOptional ? RouteSegmentKind.OptionalParameter
                : parameter.Constraints.Count > 0 ? RouteSegmentKind.ConstrainedParameter
                : RouteSegmentKind.Parameter;
            return new RouteSegment(kind, null, [parameter], null);
        }

        return ParseComplex(text);
    }

    /// <summary>Matches one path segment, adding parameter values on success.</summary>
    public bool TryMatch(string pathSegment, IDictionary<string, string> values)
    {
        switch (Kind)
        {
            case RouteSegmentKind.Literal:
                return string.Equals(literal, pathSegment, StringComparison.OrdinalIgnoreCase);
            case RouteSegmentKind.Complex:
                var match = complexPattern!.Match(pathSegment);
                if (!match.Success || Parameters.Any(parameter => !parameter.Accepts(match.Groups[parameter.Name].Value)))
                {
                    return false;
                }

                foreach (var parameter in Parameters)
                {
                    values[parameter.Name] = match.Groups[parameter.Name].Value;
                }

                return true;
            default:
                var whole = Parameters[0];
                if (pathSegment.Length == 0 || !whole.Accepts(pathSegment))
                {
                    return false;
                }

                values[whole.Name] = pathSegment;
                return true;
        }
    }

    private static RouteSegment ParseComplex(string text)
    {
        var pattern = new StringBuilder("^");
        var parameters = new List<RouteParameter>();
        var index = 0;
        while (index < text.Length)
        {
            var open = text.IndexOf('{', index);
            if (open < 0)
            {
                pattern.Append(Regex.Escape(text[index..]));
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Unclosed '{{' in route segment '{text}'.");
            }

            pattern.Append(Regex.Escape(text[index..open]));
            var parameter = RouteParameter.Parse(text[(open + 1)..close]);
            parameters.Add(parameter);
            pattern.Append("(?<").Append(parameter.Name).Append(">.+?)");
            index = close + 1;
        }

        pattern.Append(@"\z");
        var regex = new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
        return new RouteSegment(RouteSegmentKind.Complex, null, parameters, regex);
    }
}
