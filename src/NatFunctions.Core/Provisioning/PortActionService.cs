using NatFunctions.Core.Applying;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// The port endpoints: create, delete, pause/disable, enable and update forwards of one VM, then apply. A change
/// the router refuses is taken back in the database (new forwards removed, changed ones restored).
/// </summary>
public sealed class PortActionService(
    IProvisioningStore store,
    IRouterClientFactory routers,
    IRouterReservationSource reservationSource,
    AllocationGate gate,
    ApplyAwaiter awaiter)
{
    private const int RevertAttempts = 3;

    public async Task<OperationResult<WriteOutcome>> ApplyAsync(
        string machineId, string? portName, PortActionInput input, Caller caller, CancellationToken cancellationToken)
    {
        var validated = PortActionValidator.Validate(input, portName);
        if (!validated.Succeeded)
        {
            return validated.Error!;
        }

        var request = validated.Value!;
        var vm = await store.FindVmAsync(machineId, cancellationToken);
        if (vm is null)
        {
            return OperationError.NotFound("The VM");
        }

        var snapshots = new Dictionary<PortForward, ForwardSnapshot>();
        var created = new List<PortForward>();
        // Before the allocation gate: a cold read of a slow or dead router must not hold up every allocation on it.
        var reservations = request.Action == PortAction.Create ? await reservationSource.GetAsync(vm.Router, cancellationToken) : null;
        using (await gate.EnterAsync(vm.Router, cancellationToken))
        {
            var fresh = vm;
            var saved = await BoundedAllocation.SaveAsync(
                store,
                async () =>
                {
                    // Every attempt starts from the rows as they are now: a retry after a clash sees the values
                    // another instance took, and allocation moves on to the next free one.
                    fresh ??= await store.FindVmAsync(machineId, cancellationToken);
                    if (fresh is null)
                    {
                        return OperationError.NotFound("The VM");
                    }

                    vm = fresh;
                    fresh = null;
                    snapshots.Clear();
                    created.Clear();
                    return request.Action == PortAction.Create
                        ? await CreateAsync(vm, request, reservations!, created, snapshots, cancellationToken)
                        : ChangeExisting(vm, request, portName is not null, snapshots);
                },
                () => Task.FromResult<OperationError?>(null),
                cancellationToken);
            if (!saved.Succeeded)
            {
                return saved.Error!;
            }

            if (!saved.Value)
            {
                return new WriteOutcome(ApplyState.Applied, VmView.From(vm, routers), null);
            }
        }

        if (request.Action == PortAction.Delete)
        {
            // The rows are committed: the client leaving only shortens the wait (see ApplyAwaiter).
            var removal = await awaiter.WaitForRemovalAsync(vm.Router, machineId, caller, cancellationToken);
            var remaining = await store.ReloadVmAsync(machineId, CancellationToken.None);
            return new WriteOutcome(removal, remaining is null ? null : VmView.From(remaining, routers), null);
        }

        var scope = ApplyScope.Of(created.Select(f => f.PortName).Concat(snapshots.Keys.Select(f => f.PortName)), includesDhcp: false);
        var (state, applied, message) = await awaiter.WaitForVmAsync(vm.Router, machineId, scope, caller, cancellationToken);
        if (state != ApplyState.Rejected || applied is null)
        {
            return new WriteOutcome(state, applied is null ? null : VmView.From(applied, routers), message);
        }

        await RevertAsync(applied, created, snapshots, CancellationToken.None);
        if (created.Count > 0)
        {
            await awaiter.WaitForRemovalAsync(vm.Router, machineId, caller, cancellationToken);
        }

        var reverted = await store.ReloadVmAsync(machineId, CancellationToken.None);
        return new WriteOutcome(ApplyState.Rejected, reverted is null ? null : VmView.From(reverted, routers), message);
    }

    private async Task<OperationResult<bool>> CreateAsync(
        Vm vm,
        ValidatedPortAction request,
        RouterReservations reservations,
        List<PortForward> created,
        Dictionary<PortForward, ForwardSnapshot> snapshots,
        CancellationToken cancellationToken)
    {
        var settings = routers.Get(vm.Router).Settings;
        var usage = await store.GetUsageAsync(vm.Router, cancellationToken);
        var portPools = await store.ListActivePortPoolsAsync(vm.Router, cancellationToken);
        var context = new RouterAllocationContext(settings, portPools, usage, reservations);
        var changed = false;
        foreach (var name in request.PortNames)
        {
            var existing = vm.Forwards.FirstOrDefault(f => f.PortName == name);
            if (existing is not null)
            {
                if (existing.Status == ForwardStatus.Disabled)
                {
                    snapshots[existing] = ForwardSnapshot.Of(existing);
                    existing.Status = ForwardStatus.Enabled;
                    existing.SyncState = SyncState.Pending;
                    changed = true;
                }

                continue;
            }

            // The cap provision has (ProvisionValidator.MaxForwards) holds here too, or a VM could grow without bound
            // one forward at a time; deleted forwards are already gone from the list, so deleting one makes room.
            if (vm.Forwards.Count >= ProvisionValidator.MaxForwards)
            {
                return OperationError.Conflict(
                    $"The VM already has {ProvisionValidator.MaxForwards} forwards, the most a VM may have; delete one first.");
            }

            var internalPort = TemplatePorts.TryGetInternalPort(name, out var templatePort) ? templatePort : request.InternalPort;
            if (internalPort is null)
            {
                return OperationError.Validation(new FieldErrors().Add("internal_port", "is required to create a custom forward"));
            }

            var spec = new ForwardSpec(
                name, request.Protocol ?? ForwardProtocol.Tcp, internalPort.Value, request.ExternalPort, request.SourceIp, request.CustomDescription);
            var allocated = context.AllocateForward(spec, "external_port");
            if (!allocated.Succeeded)
            {
                return allocated.Error!;
            }

            var forward = VmProvisioner.NewForward(vm.Router, spec, allocated.Value);
            store.AddForward(vm, forward);
            created.Add(forward);
            changed = true;
        }

        return changed;
    }

    private OperationResult<bool> ChangeExisting(Vm vm, ValidatedPortAction request, bool singlePort, Dictionary<PortForward, ForwardSnapshot> snapshots)
    {
        var changed = false;
        foreach (var name in request.PortNames)
        {
            var forward = vm.Forwards.FirstOrDefault(f => f.PortName == name);
            if (forward is null)
            {
                if (singlePort)
                {
                    return OperationError.NotFound("The forward");
                }

                continue;
            }

            if (request.Action == PortAction.Delete)
            {
                store.RemoveForward(forward);
                changed = true;
                continue;
            }

            var before = ForwardSnapshot.Of(forward);
            switch (request.Action)
            {
                case PortAction.Pause or PortAction.Disable:
                    forward.Status = ForwardStatus.Disabled;
                    break;
                case PortAction.Enable:
                    forward.Status = ForwardStatus.Enabled;
                    break;
                case PortAction.Update:
                    forward.Protocol = request.Protocol ?? forward.Protocol;
                    forward.SourceIp = request.ClearSourceIp ? null : request.SourceIp ?? forward.SourceIp;
                    forward.CustomDescription = request.ClearCustomDescription ? null : request.CustomDescription ?? forward.CustomDescription;
                    forward.InternalPort = request.InternalPort ?? forward.InternalPort;
                    break;
            }

            if (ForwardSnapshot.Of(forward) with { SyncState = before.SyncState, LastError = before.LastError } != before)
            {
                snapshots[forward] = before;
                forward.SyncState = SyncState.Pending;
                forward.LastError = null;
                changed = true;
            }
        }

        return changed;
    }

    private async Task RevertAsync(
        Vm reloaded, List<PortForward> created, Dictionary<PortForward, ForwardSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var createdNames = created.Select(f => f.PortName).ToHashSet(StringComparer.Ordinal);
        var snapshotsByName = snapshots.ToDictionary(pair => pair.Key.PortName, pair => pair.Value, StringComparer.Ordinal);

        // The applier may touch the rows again between our read and our save; start over from fresh rows then.
        for (var attempt = 0; attempt < RevertAttempts; attempt++)
        {
            var tracked = await store.FindVmAsync(reloaded.MachineId, cancellationToken);
            if (tracked is null)
            {
                return;
            }

            foreach (var forward in tracked.Forwards.ToList())
            {
                if (createdNames.Contains(forward.PortName))
                {
                    store.RemoveForward(forward);
                }
                else if (snapshotsByName.TryGetValue(forward.PortName, out var snapshot))
                {
                    snapshot.RestoreTo(forward);
                }
            }

            if (await store.TrySaveAsync(cancellationToken))
            {
                return;
            }

            store.DiscardChanges();
        }
    }
}
