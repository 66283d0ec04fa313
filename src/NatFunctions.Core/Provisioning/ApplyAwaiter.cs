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
    public async Task<(ApplyState State, Vm? Vm, string? RouterMessage)> WaitForVmAsync(
        string router, string machineId, Caller caller, CancellationToken cancellationToken)
    {
        await applier.ApplyPendingAsync(router, machineId, ChangeTrigger.Api, caller.Name, settings.Wait, cancellationToken);
        var vm = await store.ReloadVmAsync(machineId, cancellationToken);
        if (vm is null)
        {
            return (ApplyState.Pending, null, null);
        }

        var failed = vm.Forwards.FirstOrDefault(f => f.SyncState == SyncState.Failed);
        if (failed is not null)
        {
            return (ApplyState.Rejected, vm, failed.LastError);
        }

        if (vm.MacAddress is not null && vm.DhcpSyncState == SyncState.Failed)
        {
            return (ApplyState.Rejected, vm, vm.DhcpLastError ?? "The router refused the DHCP static mapping.");
        }

        var pending = vm.Forwards.Any(f => f.SyncState == SyncState.Pending) ||
                      (vm.MacAddress is not null && vm.DhcpSyncState == SyncState.Pending);
        return (pending ? ApplyState.Pending : ApplyState.Applied, vm, null);
    }

    /// <summary>For removals, where no row is left to read: did a session that started after the write commit?</summary>
    public async Task<ApplyState> WaitForRemovalAsync(string router, string machineId, Caller caller, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow().UtcDateTime;
        var finished = await applier.ApplyPendingAsync(router, machineId, ChangeTrigger.Api, caller.Name, settings.Wait, cancellationToken);
        if (!finished)
        {
            return ApplyState.Pending;
        }

        var result = await store.FindSessionResultSinceAsync(router, since, cancellationToken);
        return result is ChangeResult.Committed or ChangeResult.NoChange ? ApplyState.Applied : ApplyState.Pending;
    }
}
