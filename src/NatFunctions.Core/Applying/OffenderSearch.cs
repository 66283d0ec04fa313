using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Which change of a rejected batch the router refused. When its answer does not say, commit halves until one change
/// alone is refused: halves that commit are desired state anyway, so nothing is undone.
/// </summary>
/// <param name="send">Sends a part of the batch in a session of its own (recorded like any other).</param>
internal sealed class OffenderSearch(Func<IReadOnlyList<PlannedChange>, CancellationToken, Task<RouterSessionResult>> send)
{
    /// <returns>The refused change, or null when none alone is to blame; and the router's latest message.</returns>
    public async Task<(PlannedChange? Offender, string Message)> FindAsync(
        IReadOnlyList<PlannedChange> batch, RouterSessionResult rejection, CancellationToken cancellationToken)
    {
        var message = rejection.Message ?? "the router rejected the change";
        var located = RejectedChangeLocator.Locate(batch, rejection);
        if (located is not null) return (located, message);

        var candidates = batch;
        while (true)
        {
            var half = candidates.Count == 1 ? candidates : candidates.Take(candidates.Count / 2).ToList();
            var result = await send(half, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == RouterSessionOutcome.Rejected)
            {
                message = result.Message ?? message;
                if (half.Count == 1) return (half[0], message);
                located = RejectedChangeLocator.Locate(half, result);
                if (located is not null) return (located, message);
                candidates = half;
            }
            else if (result.IsSuccess && half.Count < candidates.Count)
            {
                candidates = candidates.Skip(half.Count).ToList();
            }
            else
            {
                // Committed alone (the refusal needed the combination) or the router went away: nothing to blame.
                return (null, message);
            }
        }
    }
}
