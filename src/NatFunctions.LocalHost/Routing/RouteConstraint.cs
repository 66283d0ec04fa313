using System.Globalization;
using System.Text.RegularExpressions;

namespace NatFunctions.LocalHost.Routing;

/// <summary>An inline route constraint such as <c>{id:int}</c> or <c>{name:minlength(3)}</c>, with ASP.NET Core's meanings.</summary>
internal sealed record RouteConstraint(string Text, Func<string, bool> Accepts)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static RouteConstraint Parse(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = (open < 0 ? text : text[..open]).ToLowerInvariant();
        var argument = open < 0 ? null : text[(open + 1)..].TrimEnd(')');
        var arguments = argument?.Split(',').Select(part => part.Trim()).ToArray() ?? [];
        Func<string, bool> accepts = (name, arguments.Length) switch
        {
            ("int", 0) => value => int.TryParse(value, NumberStyles.Integer, Invariant, out _),
            ("long", 0) => value => long.TryParse(value, NumberStyles.Integer, Invariant, out _),
            ("bool", 0) => value => bool.TryParse(value, out _),
            ("guid", 0) => value => Guid.TryParse(value, out _),
            ("double", 0) => value => double.TryParse(value, NumberStyles.Float, Invariant, out _),
            ("float", 0) => value => float.TryParse(value, NumberStyles.Float, Invariant, out _),
            ("decimal", 0) => value => decimal.TryParse(value, NumberStyles.Number, Invariant, out _),
            ("datetime", 0) => value => DateTime.TryParse(value, Invariant, DateTimeStyles.None, out _),
            ("alpha", 0) => value => value.All(char.IsAsciiLetter),
            ("minlength", 1) => value => value.Length >= int.Parse(arguments[0], Invariant),
            ("maxlength", 1) => value => value.Length <= int.Parse(arguments[0], Invariant),
            ("length", 1) => value => value.Length == int.Parse(arguments[0], Invariant),
            ("length", 2) => value => value.Length >= int.Parse(arguments[0], Invariant) && value.Length <= int.Parse(arguments[1], Invariant),
            ("min", 1) => value => long.TryParse(value, Invariant, out var number) && number >= long.Parse(arguments[0], Invariant),
            ("max", 1) => value => long.TryParse(value, Invariant, out var number) && number <= long.Parse(arguments[0], Invariant),
            ("range", 2) => value => long.TryParse(value, Invariant, out var number)
                && number >= long.Parse(arguments[0], Invariant) && number <= long.Parse(arguments[1], Invariant),
            ("regex", _) when argument is not null => RegexConstraint(argument),
            _ => throw new FormatException($"Unsupported route constraint '{text}'."),
        };
        return new RouteConstraint(text, accepts);
    }

    private static Func<string, bool> RegexConstraint(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return regex.IsMatch;
    }
}
