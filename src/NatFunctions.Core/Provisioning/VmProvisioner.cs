using NatFunctions.Core.Applying;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// POST /v1/vms/provision: validate, allocate IP, external ports and rule numbers in one transaction (bounded
/// retry when another instance took a value first), then have the router's next group commit apply it.
/// </summary>
public sealed class VmProvisioner(
    IProvisioningStore store,
    IRouterClientFactory routers,
    IRouterReservationSource reservationSource,
    AllocationGate gate,
    ApplyAwaiter awaiter)
{
    public async Task<OperationResult<WriteOutcome>> ProvisionAsync(ProvisionVmInput input, Caller caller, CancellationToken cancellationToken)
    {
        var validated = ProvisionValidator.Validate(input);
        if (!validated.Succeeded)
        {
            return validated.Error!;
        }

        var request = validated.Value!;
        var target = await ResolveTargetAsync(request, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Error!;
        }

        var (routerName, requestedPool) = target.Value;
        var duplicate = await FindDuplicateAsync(request, cancellationToken);
        if (duplicate is not null)
        {
            return duplicate;
        }

        var settings = routers.Get(routerName).Settings;
        var reservations = await reservationSource.GetAsync(routerName, cancellationToken);
        if (settings.DhcpSharedNetwork is not null && request.MacAddress is { } mac && reservations.UnownedMacAddresses.TryGetValue(mac, out var holder))
        {
            return OperationError.Conflict(
                $"mac_address {mac} is already given on router '{routerName}' to the DHCP static mapping '{holder}', which NatFunctions does not own; " +
                "VyOS refuses two static mappings with one MAC in a subnet.",
                [$"mac_address:{mac}", $"dhcp_static_mapping:{holder}"]);
        }

        using (await gate.EnterAsync(routerName, cancellationToken))
        {
            var saved = await BoundedAllocation.SaveAsync(
                store,
                async () =>
                {
                    var vm = await AllocateAsync(request, settings, requestedPool, reservations, cancellationToken);
                    if (!vm.Succeeded)
                    {
                        return vm.Error!;
                    }

                    store.AddVm(vm.Value!);
                    return true;
                },
                () => FindDuplicateAsync(request, cancellationToken),
                cancellationToken);
            if (!saved.Succeeded)
            {
                return saved.Error!;
            }
        }

        // From here on the rows are committed: the client leaving only shortens the wait (see ApplyAwaiter), and
        // taking back a refused VM is not left half-done because it did.
        var scope = ApplyScope.Of(request.Forwards.Select(f => f.PortName), includesDhcp: true);
        var (state, applied, message) = await awaiter.WaitForVmAsync(routerName, request.MachineId, scope, caller, cancellationToken);
        if (state == ApplyState.Rejected && applied is not null)
        {
            // Nothing half-done: take the whole VM back out, and let the router drop whatever of it was applied.
            var tracked = await store.FindVmAsync(request.MachineId, CancellationToken.None);
            if (tracked is not null)
            {
                store.RemoveVm(tracked);
                await store.TrySaveAsync(CancellationToken.None);
            }

            await awaiter.WaitForRemovalAsync(routerName, request.MachineId, caller, cancellationToken);
            return new WriteOutcome(ApplyState.Rejected, null, message);
        }

        return new WriteOutcome(state, applied is null ? null : VmView.From(applied, routers), message);
    }

    private async Task<OperationResult<(string Router, IpPool? Pool)>> ResolveTargetAsync(
        ValidatedProvision request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        IpPool? pool = null;
        if (request.IpPool is not null)
        {
            pool = await store.FindIpPoolAsync(request.IpPool, cancellationToken);
            if (pool is null)
            {
                errors.Add("ip_pool", "is not an existing IP pool");
            }
            else if (!pool.IsActive)
            {
                errors.Add("ip_pool", "is not active");
            }
        }

        var routerName = request.Router ?? pool?.Router;
        if (routerName is null)
        {
            if (routers.RouterNames.Count == 1)
            {
                routerName = routers.RouterNames[0];
            }
            else
            {
                errors.Add("router", "is required when more than one router is configured");
            }
        }
        else if (!routers.RouterNames.Contains(routerName, StringComparer.Ordinal))
        {
            errors.Add("router", "is not a configured router");
        }

        if (pool is not null && routerName is not null && pool.Router != routerName)
        {
            errors.Add("ip_pool", "belongs to a different router");
        }

        return errors.IsEmpty ? (routerName!, pool) : OperationError.Validation(errors);
    }

    private async Task<OperationError?> FindDuplicateAsync(ValidatedProvision request, CancellationToken cancellationToken)
    {
        if (await store.MachineIdExistsAsync(request.MachineId, cancellationToken))
        {
            return OperationError.Conflict("A VM with this vm_name already exists.", [$"machine_id:{request.MachineId}"]);
        }

        if (request.MacAddress is not null && await store.MacAddressExistsAsync(request.MacAddress, cancellationToken))
        {
            return OperationError.Conflict("Another VM already has this mac_address.", [$"mac_address:{request.MacAddress}"]);
        }

        return null;
    }

    private async Task<OperationResult<Vm>> AllocateAsync(
        ValidatedProvision request, RouterSettings settings, IpPool? requestedPool, RouterReservations reservations, CancellationToken cancellationToken)
    {
        var usage = await store.GetUsageAsync(settings.Name, cancellationToken);
        var portPools = await store.ListActivePortPoolsAsync(settings.Name, cancellationToken);
        var context = new RouterAllocationContext(settings, portPools, usage, reservations);

        var pool = requestedPool;
        if (pool is null)
        {
            var pools = await store.ListActiveIpPoolsAsync(settings.Name, cancellationToken);
            pool = pools.FirstOrDefault(context.HasFreeIp);
            if (pool is null)
            {
                return new OperationError(
                    ErrorKind.Exhausted, "Pool exhausted.", $"No active IP pool of router '{settings.Name}' has a free address.",
                    Conflicts: [$"ip_pools:{settings.Name}"]);
            }
        }

        var ip = context.AllocateIp(pool);
        if (!ip.Succeeded)
        {
            return ip.Error!;
        }

        var vm = new Vm
        {
            MachineId = request.MachineId,
            MacAddress = request.MacAddress,
            InternalIp = ip.Value!,
            Router = settings.Name,
            IpPoolId = pool.Id,
            Metadata = request.Metadata,
            DhcpSyncState = request.MacAddress is null ? SyncState.Applied : SyncState.Pending,
        };

        for (var i = 0; i < request.Forwards.Count; i++)
        {
            var spec = request.Forwards[i];
            var allocated = context.AllocateForward(spec, $"forwards[{i}].external_port");
            if (!allocated.Succeeded)
            {
                return allocated.Error!;
            }

            vm.Forwards.Add(NewForward(settings.Name, spec, allocated.Value));
        }

        return vm;
    }

    internal static PortForward NewForward(string router, ForwardSpec spec, (int ExternalPort, int RuleNumber) allocated) => new()
    {
        Router = router,
        PortName = spec.PortName,
        Protocol = spec.Protocol,
        InternalPort = spec.InternalPort,
        ExternalPort = allocated.ExternalPort,
        NatRuleNumber = allocated.RuleNumber,
        SourceIp = spec.SourceIp,
        CustomDescription = spec.CustomDescription,
        Status = ForwardStatus.Enabled,
        SyncState = SyncState.Pending,
    };
}
