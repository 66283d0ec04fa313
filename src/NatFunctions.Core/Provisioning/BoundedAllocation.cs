using NatFunctions.Core.Results;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// Saves an allocation with bounded retry (product-spec §4.1): when a unique index or a concurrency token refuses
/// the save because another instance took a value first, the tracked rows are dropped and the allocation is staged
/// again from what the database now holds, so the next attempt picks the next free value.
/// </summary>
public static class BoundedAllocation
{
    public const int MaxAttempts = 5;

    public const string KeptClashing = "Allocation kept clashing with concurrent requests; retry the request.";

    /// <param name="stage">Reads fresh rows and stages the change; its value says whether there is anything to save.</param>
    /// <param name="afterClash">After a refused save: an error that makes retrying pointless (e.g. a duplicate name), or null.</param>
    /// <returns>True when saved, false when the stage found nothing to save.</returns>
    public static async Task<OperationResult<bool>> SaveAsync(
        IProvisioningStore store,
        Func<Task<OperationResult<bool>>> stage,
        Func<Task<OperationError?>> afterClash,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(afterClash);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var staged = await stage();
            if (!staged.Succeeded)
            {
                store.DiscardChanges();
                return staged.Error!;
            }

            if (!staged.Value)
            {
                return false;
            }

            if (await store.TrySaveAsync(cancellationToken))
            {
                return true;
            }

            store.DiscardChanges();
            var final = await afterClash();
            if (final is not null)
            {
                return final;
            }
        }

        return OperationError.Conflict(KeptClashing);
    }
}
