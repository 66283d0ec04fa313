using NatFunctions.Core.Domain;
using NatFunctions.Core.Networking;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Pools;

/// <summary>
/// Create, list, replace and delete IP pools. Shape is checked first (400, nothing read); checks against other rows
/// (duplicate name, overlap, addresses in use) run inside one serialized write so they still hold when it commits.
/// </summary>
public sealed class IpPoolAdministration(IIpPoolRepository repository, IRouterClientFactory routers)
{
    public async Task<IReadOnlyList<IpPoolView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await repository.ListWithUsageAsync(cancellationToken)).Select(IpPoolView.From)];

    public async Task<OperationResult<IpPoolView>> GetAsync(string name, CancellationToken cancellationToken)
    {
        var usage = ResourceName.IsValid(name) ? await repository.FindWithUsageAsync(name, cancellationToken) : null;
        return usage is null ? NotFound() : IpPoolView.From(usage);
    }

    public async Task<OperationResult<IpPoolView>> CreateAsync(IpPoolDefinition definition, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!ResourceName.IsValid(definition.Name))
        {
            errors.Add("name", $"is required: {ResourceName.Rule}");
        }

        var router = ConfiguredRouter.Resolve(routers, definition.Router);
        if (router is null)
        {
            errors.Add("router", ConfiguredRouter.Rule(routers));
        }

        var addresses = IpPoolAddresses.Parse(definition.Cidr, definition.RangeStart, definition.RangeEnd, errors);
        if (router is not null && addresses is not null) CheckInsideDhcpSubnet(router, addresses, errors);
        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        var name = definition.Name!;
        return await repository.RunSerializedAsync<IpPoolView>(
            async token =>
            {
                if (await repository.FindByNameAsync(name, token) is not null)
                {
                    return OperationError.Conflict($"An IP pool named '{name}' already exists.", [$"ip_pool:{name}"]);
                }

                if (await FindOverlapAsync(router!, addresses!, exceptId: null, token) is { } overlap)
                {
                    return overlap;
                }

                var pool = new IpPool
                {
                    Name = name,
                    Router = router!,
                    Cidr = addresses!.Cidr.ToString(),
                    RangeStart = addresses.RangeStart.ToString(),
                    RangeEnd = addresses.RangeEnd.ToString(),
                    IsActive = definition.IsActive ?? true,
                };
                await repository.AddAsync(pool, token);
                return IpPoolView.From(new IpPoolUsage(pool, 0));
            },
            cancellationToken);
    }

    /// <summary>
    /// Replaces the network, range and (when given) active flag. Name and router are the pool's identity and never
    /// change; a range that would leave out an address a VM of this pool holds is refused with those VMs listed.
    /// </summary>
    public async Task<OperationResult<IpPoolView>> ReplaceAsync(
        string name, IpPoolDefinition definition, CancellationToken cancellationToken)
    {
        if (!ResourceName.IsValid(name))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (definition.Name is not null && definition.Name != name)
        {
            errors.Add("name", "cannot be changed; omit it or repeat the pool's name");
        }

        var addresses = IpPoolAddresses.Parse(definition.Cidr, definition.RangeStart, definition.RangeEnd, errors);
        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        return await repository.RunSerializedAsync<IpPoolView>(
            async token =>
            {
                var pool = await repository.FindByNameAsync(name, token);
                if (pool is null)
                {
                    return NotFound();
                }

                if (definition.Router is not null && !string.Equals(definition.Router, pool.Router, StringComparison.OrdinalIgnoreCase))
                {
                    return OperationError.Validation(new FieldErrors().Add(
                        "router", "cannot be changed; create a pool on the other router instead"));
                }

                var outside = new FieldErrors();
                if (routers.RouterNames.Contains(pool.Router, StringComparer.Ordinal)) CheckInsideDhcpSubnet(pool.Router, addresses!, outside);
                if (!outside.IsEmpty) return OperationError.Validation(outside);

                if (await FindOverlapAsync(pool.Router, addresses!, pool.Id, token) is { } overlap)
                {
                    return overlap;
                }

                var inUse = await repository.ListAddressesInUseAsync(pool.Id, token);
                var leftOut = inUse.Where(address => !Holds(addresses!, address)).ToList();
                if (leftOut.Count > 0)
                {
                    return OperationError.Conflict(
                        $"The new range leaves out {ConflictList.CountText(leftOut.Count, "address", "addresses")} held by VMs of this pool; " +
                        "decommission those VMs or keep their addresses in the range.",
                        Describe(leftOut));
                }

                pool.Cidr = addresses!.Cidr.ToString();
                pool.RangeStart = addresses.RangeStart.ToString();
                pool.RangeEnd = addresses.RangeEnd.ToString();
                pool.IsActive = definition.IsActive ?? pool.IsActive;
                await repository.UpdateAsync(pool, token);
                return IpPoolView.From(new IpPoolUsage(pool, inUse.Count));
            },
            cancellationToken);
    }

    public async Task<OperationResult<bool>> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!ResourceName.IsValid(name))
        {
            return NotFound();
        }

        return await repository.RunSerializedAsync<bool>(
            async token =>
            {
                var pool = await repository.FindByNameAsync(name, token);
                if (pool is null)
                {
                    return NotFound();
                }

                var inUse = await repository.ListAddressesInUseAsync(pool.Id, token);
                if (inUse.Count > 0)
                {
                    return OperationError.Conflict(
                        $"The pool still has {ConflictList.CountText(inUse.Count, "VM", "VMs")}; decommission them first.",
                        Describe(inUse));
                }

                await repository.DeleteAsync(pool, token);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// On a router that hands out DHCP static mappings, every address of the pool becomes a mapping in its
    /// <c>DhcpSubnet</c>, and VyOS refuses a mapping outside it at commit ("Configured static lease address for mapping
    /// … is not within shared-network …", src/conf_mode/service_dhcp-server.py verify() of each branch): such a pool
    /// would only ever give VMs that fail.
    /// </summary>
    private void CheckInsideDhcpSubnet(string router, IpPoolAddresses addresses, FieldErrors errors)
    {
        var settings = routers.Get(router).Settings;
        if (settings.DhcpSharedNetwork is null || !Ipv4Network.TryParse(settings.DhcpSubnet, out var subnet)) return;
        if (subnet.Contains(addresses.RangeStart) && subnet.Contains(addresses.RangeEnd)) return;
        errors.Add(
            "range_start",
            $"the range {addresses.RangeStart}-{addresses.RangeEnd} must lie inside the DHCP subnet {subnet} of router '{router}' " +
            $"(shared network {settings.DhcpSharedNetwork}): VyOS refuses a static mapping outside its subnet");
    }

    private static OperationError NotFound() => OperationError.NotFound("An IP pool of that name");

    // An address that does not even parse is reported as in the way: better a refusal than a VM outside its pool.
    private static bool Holds(IpPoolAddresses addresses, AddressInUse address) =>
        Ipv4Address.TryParse(address.InternalIp, out var ip) && addresses.InRange(ip);

    private static IReadOnlyList<string> Describe(IEnumerable<AddressInUse> addresses) =>
        ConflictList.Limit(addresses
            .OrderBy(address => Ipv4Address.TryParse(address.InternalIp, out var ip) ? ip.Value : uint.MaxValue)
            .ThenBy(address => address.MachineId, StringComparer.Ordinal)
            .Select(address => $"vm:{address.MachineId}:{address.InternalIp}"));

    private async Task<OperationError?> FindOverlapAsync(
        string router, IpPoolAddresses addresses, long? exceptId, CancellationToken cancellationToken)
    {
        var clashes = (await repository.ListByRouterAsync(router, cancellationToken))
            .Where(other => other.Id != exceptId)
            .Select(other => (Pool: other, Addresses: IpPoolAddresses.FromStored(other)))
            .Where(other => other.Addresses is { } existing && (addresses.RangeOverlaps(existing) || addresses.CidrConflicts(existing)))
            .OrderBy(other => other.Pool.Name, StringComparer.Ordinal)
            .Select(other => $"ip_pool:{other.Pool.Name}:{other.Pool.Cidr}:{other.Addresses}")
            .ToList();
        return clashes.Count == 0
            ? null
            : OperationError.Conflict(
                $"The pool clashes with other IP pools of router '{router}': ranges of one router must not share an address, " +
                "and their networks must be equal or disjoint.",
                ConflictList.Limit(clashes));
    }
}
