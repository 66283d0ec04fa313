using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

/// <summary>Persistence the provisioning use cases need; implemented with EF Core in Infrastructure.</summary>
public interface IProvisioningStore
{
    Task<IpPool?> FindIpPoolAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<IpPool>> ListActiveIpPoolsAsync(string router, CancellationToken cancellationToken);

    Task<IReadOnlyList<PortPool>> ListActivePortPoolsAsync(string router, CancellationToken cancellationToken);

    Task<RouterUsage> GetUsageAsync(string router, CancellationToken cancellationToken);

    Task<bool> MachineIdExistsAsync(string machineId, CancellationToken cancellationToken);

    Task<bool> MacAddressExistsAsync(string macAddress, CancellationToken cancellationToken);

    /// <summary>Loads a VM with its forwards fresh from the database, tracked for changes (earlier tracking is dropped).</summary>
    Task<Vm?> FindVmAsync(string machineId, CancellationToken cancellationToken);

    /// <summary>Reads a VM with its forwards fresh from the database (after an apply changed their states).</summary>
    Task<Vm?> ReloadVmAsync(string machineId, CancellationToken cancellationToken);

    /// <summary>The result of the newest router session that started at or after <paramref name="since"/>, if any.</summary>
    Task<ChangeResult?> FindSessionResultSinceAsync(string router, DateTime since, CancellationToken cancellationToken);

    void AddVm(Vm vm);

    void AddForward(Vm vm, PortForward forward);

    void RemoveVm(Vm vm);

    void RemoveForward(PortForward forward);

    /// <summary>Saves tracked changes; false when a unique index or a concurrency token refused them (a concurrent writer won).</summary>
    Task<bool> TrySaveAsync(CancellationToken cancellationToken);

    /// <summary>Forgets everything tracked, so a retry starts from what is in the database.</summary>
    void DiscardChanges();

    Task<VmPage> ListVmsAsync(string? router, string? afterMachineId, int pageSize, CancellationToken cancellationToken);
}
