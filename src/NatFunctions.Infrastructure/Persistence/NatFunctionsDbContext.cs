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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NatFunctionsDbContext).Assembly);
        modelBuilder.ApplyEntityConventions();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChangedEntities();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChangedEntities();
        return base.SaveChanges(acceptAllChangesOnSuccess);
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
