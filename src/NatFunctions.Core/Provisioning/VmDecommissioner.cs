using NatFunctions.Core.Auth;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// DELETE /v1/vms/{machine_id}/decommission: the VM's rows go at once (freeing IP, ports and rule numbers) and the
/// next group commit removes its rules and DHCP mapping; if the router is unreachable a later session finishes it,
/// because the removal is recorded (PendingRemovals, written with the delete) until a session has sent it.
/// </summary>
public sealed class VmDecommissioner(IProvisioningStore store, ApplyAwaiter awaiter, IRouterClientFactory routers)
{
    public async Task<OperationResult<DecommissionOutcome>> DecommissionAsync(string machineId, Caller caller, CancellationToken cancellationToken)
    {
        var vm = await store.FindVmAsync(machineId, cancellationToken);
        if (vm is null)
        {
            return OperationError.NotFound("The VM");
        }

        var removed = VmView.From(vm, routers);
        store.RemoveVm(vm);
        if (!await store.TrySaveAsync(cancellationToken))
        {
            return OperationError.Conflict("The VM was changed by another request; retry.");
        }

        var state = await awaiter.WaitForRemovalAsync(vm.Router, machineId, caller, cancellationToken);
        return new DecommissionOutcome(removed, state);
    }
}
