using System.Text.Json;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// What a batch of operations must leave in the configuration, checked against a <c>/retrieve</c> <c>showConfig</c>
/// read: VyOS 1.3/1.4 may answer success to a commit that failed (T6326; the fix, vyos-1x 8e902ffa7 "return full
/// warning/error output through api", is on current only, not on equuleus/sagitta/circinus as mirrored), and an answer
/// lost to a timeout says nothing. Only the last word on a path counts: a <c>delete</c> followed by a <c>set</c> under
/// it (a replaced rule) is judged by the <c>set</c>, a <c>set</c> followed by a <c>delete</c> above it by the delete.
/// </summary>
internal sealed class ApiReadBack
{
    private readonly IReadOnlyList<VyosApiOperation> final;

    public ApiReadBack(IReadOnlyList<VyosApiOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        final = operations
            .Where((operation, index) => !operations.Skip(index + 1).Any(later => Overrides(later, operation)))
            .ToArray();
    }

    /// <summary>The lines whose effect the configuration lacks; empty when it has them all.</summary>
    public IReadOnlyList<string> Missing(JsonElement configuration) =>
        final.Where(operation => !operation.IsSatisfiedBy(configuration)).Select(operation => operation.Command).ToArray();

    /// <summary>How many of the batch's lines the configuration has.</summary>
    public int Applied(JsonElement configuration) => final.Count(operation => operation.IsSatisfiedBy(configuration));

    public int Count => final.Count;

    /// <summary>
    /// A delete overrides what it covers; a set overrides a delete above or at it. Two sets never do: without VyOS's
    /// schema a second value may be a multi leaf's next value, so both must be there.
    /// </summary>
    private static bool Overrides(VyosApiOperation later, VyosApiOperation earlier) =>
        later.IsDelete ? later.Covers(earlier) : earlier.IsDelete && (earlier.Covers(later) || later.Covers(earlier));
}
