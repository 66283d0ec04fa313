using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence;

public sealed class NatFunctionsDbContext(DbContextOptions<NatFunctionsDbContext> options, TimeProvider timeProvider)
    : DbContext(options)
{
    public DbSet<IpPool> IpPools => Set<IpPool>();

    public DbSet<PortPool> PortPools => Set<PortPool>();

    public DbSet<Vm> Vms => Set<Vm>();

    public DbSet<PortForward> PortForwards => Set<PortForward>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<RouterChange> RouterChanges => Set<RouterChange>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<PendingRemoval> PendingRemovals => Set<PendingRemoval>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NatFunctionsDbContext).Assembly);
        modelBuilder.ApplyEntityConventions();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RecordRemovals();
        StampChangedEntities();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RecordRemovals();
        StampChangedEntities();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Every forward or VM deleted in this save leaves a <see cref="PendingRemoval"/> in the same transaction, so the
    /// router object it had is deleted by the next reconcile even in report mode, and nothing else is.
    /// </summary>
    private void RecordRemovals()
    {
        var removals = new HashSet<(string Router, int? RuleNumber, string? MachineId)>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Deleted) continue;
            switch (entry.Entity)
            {
                case PortForward forward:
                    removals.Add((forward.Router, forward.NatRuleNumber, null));
                    break;
                case Vm vm:
                    removals.Add((vm.Router, null, vm.MachineId));
                    foreach (var forward in vm.Forwards) removals.Add((forward.Router, forward.NatRuleNumber, null));
                    break;
            }
        }

        foreach (var (router, ruleNumber, machineId) in removals)
        {
            PendingRemovals.Add(new PendingRemoval { Router = router, RuleNumber = ruleNumber, MachineId = machineId });
        }
    }

    private void StampChangedEntities()
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.ConcurrencyStamp = Guid.NewGuid();
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.ConcurrencyStamp = Guid.NewGuid();
                    break;
            }
        }
    }
}
