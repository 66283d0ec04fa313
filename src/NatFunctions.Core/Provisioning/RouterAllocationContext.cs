using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Networking;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// Everything taken on one router at the moment of allocation: our own rows plus what unowned router objects use.
/// Values handed out through this context are marked taken at once, so one request never gets a value twice.
/// </summary>
public sealed class RouterAllocationContext
{
    private readonly RouterSettings router;
    private readonly IReadOnlyList<PortPool> portPools;
    private readonly HashSet<uint> takenIps;
    private readonly HashSet<int> takenPorts;
    private readonly HashSet<int> takenRules;

    public RouterAllocationContext(RouterSettings router, IReadOnlyList<PortPool> portPools, RouterUsage usage, RouterReservations reservations)
    {
        this.router = router;
        this.portPools = portPools;
        takenIps = [.. usage.InternalIps];
        foreach (var ip in reservations.UnownedStaticIps)
        {
            if (Ipv4Address.TryParse(ip, out var address))
            {
                takenIps.Add(address.Value);
            }
        }

        takenPorts = [.. usage.ExternalPorts, .. reservations.UnownedExternalPorts];
        takenRules = [.. usage.RuleNumbers, .. reservations.UnownedRuleNumbers];
    }

    public OperationResult<string> AllocateIp(IpPool pool)
    {
        var start = Ipv4Address.Parse(pool.RangeStart).Value;
        var end = Ipv4Address.Parse(pool.RangeEnd).Value;
        var found = FreeValueFinder.Lowest(start, end, candidate => takenIps.Contains((uint)candidate));
        if (found is null)
        {
            return Exhausted($"IP pool '{pool.Name}' has no free address.", $"ip_pool:{pool.Name}");
        }

        takenIps.Add((uint)found.Value);
        return new Ipv4Address((uint)found.Value).ToString();
    }

    public bool HasFreeIp(IpPool pool)
    {
        var start = Ipv4Address.Parse(pool.RangeStart).Value;
        var end = Ipv4Address.Parse(pool.RangeEnd).Value;
        return FreeValueFinder.Lowest(start, end, candidate => takenIps.Contains((uint)candidate)) is not null;
    }

    /// <summary>Gives a forward its external port (the requested one, if free and in a pool) and rule number.</summary>
    public OperationResult<(int ExternalPort, int RuleNumber)> AllocateForward(ForwardSpec spec, string field)
    {
        int externalPort;
        if (spec.ExternalPort is { } requested)
        {
            if (!portPools.Any(pool => requested >= pool.StartPort && requested <= pool.EndPort))
            {
                var errors = new FieldErrors().Add(field, $"must lie in an active port pool of router '{router.Name}'");
                return OperationError.Validation(errors);
            }

            if (takenPorts.Contains(requested))
            {
                return OperationError.Conflict(
                    $"External port {requested} is already used on router '{router.Name}'.", [$"external_port:{requested}"]);
            }

            externalPort = requested;
        }
        else
        {
            int? found = null;
            foreach (var pool in portPools)
            {
                found = (int?)FreeValueFinder.Lowest(pool.StartPort, pool.EndPort, candidate => takenPorts.Contains((int)candidate));
                if (found is not null)
                {
                    break;
                }
            }

            if (found is null)
            {
                return Exhausted($"No port pool of router '{router.Name}' has a free external port.", $"port_pools:{router.Name}");
            }

            externalPort = found.Value;
        }

        var rule = FreeValueFinder.Lowest(router.ManagedRules.First, router.ManagedRules.Last, candidate => takenRules.Contains((int)candidate));
        if (rule is null)
        {
            return Exhausted($"Router '{router.Name}' has no free rule number in {router.ManagedRules}.", $"managed_rules:{router.Name}");
        }

        takenPorts.Add(externalPort);
        takenRules.Add((int)rule.Value);
        return (externalPort, (int)rule.Value);
    }

    private static OperationError Exhausted(string detail, string conflict) =>
        new(ErrorKind.Exhausted, "Pool exhausted.", detail, Conflicts: [conflict]);
}
