namespace NatFunctions.Core.Pools;

/// <summary>
/// Creates the configured pools that do not exist yet, through the same use cases as the API (same validation, same
/// overlap checks). A pool that already exists is left exactly as it is, even if its settings changed: the API owns it
/// from its first creation on.
/// </summary>
public sealed class PoolSeeder(IpPoolAdministration ipPools, PortPoolAdministration portPools)
{
    /// <returns>The names of the pools created now.</returns>
    /// <exception cref="PoolSeedException">A configured pool is invalid or clashes with an existing one; all problems are listed.</exception>
    public async Task<IReadOnlyList<string>> SeedAsync(ConfiguredPools pools, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var created = new List<string>();
        var problems = new List<string>();
        foreach (var pool in pools.IpPools)
        {
            if (pool.Name is { } name && (await ipPools.GetAsync(name, cancellationToken).ConfigureAwait(false)).Succeeded) continue;
            var result = await ipPools.CreateAsync(pool, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) created.Add("ip pool " + pool.Name);
            else problems.Add(PoolSeedException.Describe("Pools:Ip:" + pool.Name, result.Error!));
        }

        foreach (var pool in pools.PortPools)
        {
            if (pool.Name is { } name && (await portPools.GetAsync(name, cancellationToken).ConfigureAwait(false)).Succeeded) continue;
            var result = await portPools.CreateAsync(pool, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) created.Add("port pool " + pool.Name);
            else problems.Add(PoolSeedException.Describe("Pools:Port:" + pool.Name, result.Error!));
        }

        return problems.Count > 0 ? throw new PoolSeedException(problems) : created;
    }
}
