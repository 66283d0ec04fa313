using System.Text.RegularExpressions;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// The shapes our renderer writes with marker <c>nf</c> (decision 0014), spelled out independently of the code under
/// test: a rule description <c>nf:&lt;machine_id&gt;:&lt;port_name&gt;</c> with an optional custom text after a space,
/// and a mapping name <c>nf-&lt;machine_id&gt;</c>.
/// </summary>
internal static partial class MarkerShape
{
    public static bool IsOurDescription(string? description) => description is not null && Description().IsMatch(description);

    public static bool IsOurMappingName(string name) => MappingName().IsMatch(name);

    [GeneratedRegex("^nf:[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?:[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?( .+)?$")]
    private static partial Regex Description();

    [GeneratedRegex("^nf-[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex MappingName();
}
