namespace NatFunctions.LocalHost.Routing;

/// <summary>A function's route (prefix included), e.g. <c>v1/vms/{machine_id}/ports/{port_name}</c>.</summary>
internal sealed class RouteTemplate
{
    private RouteTemplate(string text, IReadOnlyList<RouteSegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<RouteSegment> Segments { get; }

    public static RouteTemplate Parse(string text)
    {
        var trimmed = text.Trim('/');
        var segments = trimmed.Length == 0 ? [] : trimmed.Split('/').Select(RouteSegment.Parse).ToList();
        for (var index = 0; index < segments.Count - 1; index++)
        {
            if (segments[index].Kind is RouteSegmentKind.CatchAll or RouteSegmentKind.OptionalParameter)
            {
                throw new FormatException($"Route '{text}': optional and catch-all parameters must be the last segment.");
            }
        }

        return new RouteTemplate(trimmed, segments);
    }

    /// <summary>Matches a request path (already split into segments) and returns its route values, or null.</summary>
    public IReadOnlyDictionary<string, string>? Match(IReadOnlyList<string> pathSegments)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < Segments.Count; index++)
        {
            var segment = Segments[index];
            if (segment.Kind == RouteSegmentKind.CatchAll)
            {
                var rest = string.Join('/', pathSegments.Skip(index));
                var parameter = segment.Parameters[0];
                if (rest.Length > 0 && !parameter.Accepts(rest))
                {
                    return null;
                }

                AddValue(values, parameter, rest.Length > 0 ? rest : parameter.DefaultValue);
                return values;
            }

            if (index >= pathSegments.Count)
            {
                if (segment.Kind != RouteSegmentKind.OptionalParameter)
                {
                    return null;
                }

                AddValue(values, segment.Parameters[0], segment.Parameters[0].DefaultValue);
                continue;
            }

            if (!segment.TryMatch(pathSegments[index], values))
            {
                return null;
            }
        }

        return pathSegments.Count <= Segments.Count ? values : null;
    }

    /// <summary>Negative when this template is more specific than <paramref name="other"/>.</summary>
    public int ComparePrecedence(RouteTemplate other)
    {
        for (var index = 0; index < Math.Min(Segments.Count, other.Segments.Count); index++)
        {
            var difference = Segments[index].Kind.CompareTo(other.Segments[index].Kind);
            if (difference != 0)
            {
                return difference;
            }
        }

        return other.Segments.Count.CompareTo(Segments.Count);
    }

    private static void AddValue(Dictionary<string, string> values, RouteParameter parameter, string? value)
    {
        if (value is not null)
        {
            values[parameter.Name] = value;
        }
    }
}
