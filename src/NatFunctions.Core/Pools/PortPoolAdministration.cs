using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Pools;

/// <summary>
/// Create, list, replace and delete port pools, with the same structure as <see cref="IpPoolAdministration"/>.
/// A port is in use when a forward of the pool's router has it as external port (forwards do not record their pool).
/// </summary>
public sealed class PortPoolAdministration(IPortPoolRepository repository, IRouterClientFactory routers)
{
    public async Task<IReadOnlyList<PortPoolView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await repository.ListWithUsageAsync(cancellationToken)).Select(PortPoolView.From)];

    public async Task<OperationResult<PortPoolView>> GetAsync(string name, CancellationToken cancellationToken)
    {
        var usage = ResourceName.IsValid(name) ? await repository.FindWithUsageAsync(name, cancellationToken) : null;
        return usage is null ? NotFound() : PortPoolView.From(usage);
    }

    public async Task<OperationResult<PortPoolView>> CreateAsync(PortPoolDefinition definition, CancellationToken cancellationToken)
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

        var range = PortRange.Parse(definition.StartPort, definition.EndPort, errors);
        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        var name = definition.Name!;
        return await repository.RunSerializedAsync<PortPoolView>(
            async token =>
            {
                if (await repository.FindByNameAsync(name, token) is not null)
                {
                    return OperationError.Conflict($"A port pool named '{name}' already exists.", [$"port_pool:{name}"]);
                }

                if (await FindOverlapAsync(router!, range!, exceptId: null, token) is { } overlap)
                {
                    return overlap;
                }

                var pool = new PortPool
                {
                    Name = name,
                    Router = router!,
                    StartPort = range!.Start,
                    EndPort = range.End,
                    IsActive = definition.IsActive ?? true,
                };
                await repository.AddAsync(pool, token);
                return await ViewAsync(name, token);
            },
            cancellationToken);
    }

    /// <summary>
    /// Replaces the range and (when given) the active flag; name and router never change. A range that would leave
    /// out an external port a forward of the router uses is refused with those forwards listed.
    /// </summary>
    public async Task<OperationResult<PortPoolView>> ReplaceAsync(
        string name, PortPoolDefinition definition, CancellationToken cancellationToken)
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

        var range = PortRange.Parse(definition.StartPort, definition.EndPort, errors);
        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        return await repository.RunSerializedAsync<PortPoolView>(
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

                if (await FindOverlapAsync(pool.Router, range!, pool.Id, token) is { } overlap)
                {
                    return overlap;
                }

                var current = new PortRange(pool.StartPort, pool.EndPort);
                var leftOut = (await repository.ListExternalPortsInUseAsync(pool.Router, current, token))
                    .Where(port => !range!.Contains(port.ExternalPort))
                    .ToList();
                if (leftOut.Count > 0)
                {
                    return OperationError.Conflict(
                        $"The new range leaves out {ConflictList.CountText(leftOut.Count, "external port", "external ports")} " +
                        "used by forwards of this router; delete those forwards or keep their ports in the range.",
                        Describe(leftOut));
                }

                pool.StartPort = range!.Start;
                pool.EndPort = range.End;
                pool.IsActive = definition.IsActive ?? pool.IsActive;
                await repository.UpdateAsync(pool, token);
                return await ViewAsync(name, token);
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

                var inUse = await repository.ListExternalPortsInUseAsync(pool.Router, new PortRange(pool.StartPort, pool.EndPort), token);
                if (inUse.Count > 0)
                {
                    return OperationError.Conflict(
                        $"Forwards of this router use {ConflictList.CountText(inUse.Count, "external port", "external ports")} of this pool; " +
                        "delete those forwards first.",
                        Describe(inUse));
                }

                await repository.DeleteAsync(pool, token);
                return true;
            },
            cancellationToken);
    }

    private static OperationError NotFound() => OperationError.NotFound("A port pool of that name");

    // Forwards may already hold ports of a new or widened range (custom external ports), so usage is counted, not assumed.
    private async Task<OperationResult<PortPoolView>> ViewAsync(string name, CancellationToken cancellationToken) =>
        await repository.FindWithUsageAsync(name, cancellationToken) is { } usage ? PortPoolView.From(usage) : NotFound();

    private static IReadOnlyList<string> Describe(IEnumerable<ExternalPortInUse> ports) =>
        ConflictList.Limit(ports
            .OrderBy(port => port.ExternalPort)
            .Select(port => $"forward:{port.MachineId}:{port.PortName}:{port.ExternalPort}"));

    private async Task<OperationError?> FindOverlapAsync(
        string router, PortRange range, long? exceptId, CancellationToken cancellationToken)
    {
        var clashes = (await repository.ListByRouterAsync(router, cancellationToken))
            .Where(other => other.Id != exceptId && range.Overlaps(new PortRange(other.StartPort, other.EndPort)))
            .OrderBy(other => other.StartPort)
            .Select(other => $"port_pool:{other.Name}:{other.StartPort}-{other.EndPort}")
            .ToList();
        return clashes.Count == 0
            ? null
            : OperationError.Conflict(
                $"The range overlaps other port pools of router '{router}'; port pools of one router must not share a port.",
                ConflictList.Limit(clashes));
    }
}
