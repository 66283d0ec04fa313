using NatFunctions.Core.Applying;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// After a write has committed its rows as pending: asks the router's applier for the next group commit, waits for
/// it (bounded by <see cref="WriteWaitSettings.Wait"/>) and reads back where the VM's rows ended up.
/// </summary>
public sealed class ApplyAwaiter(IRouterApplier applier, IProvisioningStore store, WriteWaitSettings settings, TimeProvider timeProvider)
{
    /// <summary>
    /// Judges only the rows in <paramref name="scope"/>. The write set each of them pending, so a failed one among them
    /// was refused after the write; failures of other forwards (older requests, answered 202 and refused later) stay
    /// visible in the VM but are not this request's answer.
    /// </summary>
    public async Task<(ApplyState State, Vm? Vm, string? RouterMessage)> WaitForVmAsync(
        string router, string machineId, ApplyScope scope, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await WaitUnlessTheClientLeavesAsync(router, caller, cancellationToken);
        var vm = await store.ReloadVmAsync(machineId, CancellationToken.None);
        if (vm is null)
        {
            return (ApplyState.Pending, null, null);
        }

        var own = vm.Forwards.Where(f => scope.PortNames.Contains(f.PortName)).ToList();
        var failed = own.FirstOrDefault(f => f.SyncState == SyncState.Failed);
        if (failed is not null)
        {
            return (ApplyState.Rejected, vm, failed.LastError);
        }

        var dhcp = scope.IncludesDhcp && vm.MacAddress is not null;
        if (dhcp && vm.DhcpSyncState == SyncState.Failed)
        {
            return (ApplyState.Rejected, vm, vm.DhcpLastError ?? "The router refused the DHCP static mapping.");
        }

        var pending = own.Any(f => f.SyncState == SyncState.Pending) || (dhcp && vm.DhcpSyncState == SyncState.Pending);
        return (pending ? ApplyState.Pending : ApplyState.Applied, vm, null);
    }

    /// <summary>For removals, where no row is left to read: did a session that started after the write commit?</summary>
    public async Task<ApplyState> WaitForRemovalAsync(string router, string machineId, Caller caller, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow().UtcDateTime;
        var finished = await WaitUnlessTheClientLeavesAsync(router, caller, cancellationToken);
        if (!finished)
        {
            return ApplyState.Pending;
        }

        var result = await store.FindSessionResultSinceAsync(router, since, CancellationToken.None);
        return result is ChangeResult.Committed or ChangeResult.NoChange ? ApplyState.Applied : ApplyState.Pending;
    }

    /// <summary>
    /// The write's rows are committed before this wait, so the write has an answer whatever happens now. A client that
    /// gives up only ends the wait (the answer is then "pending"): an exception here would lose the answer, and with
    /// it the Idempotency-Key the client's retry relies on.
    /// </summary>
    private async Task<bool> WaitUnlessTheClientLeavesAsync(string router, Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            return await applier.ApplyPendingAsync(router, caller.Trigger, caller.Name, settings.Wait, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
