using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class PendingRemovalConfiguration : IEntityTypeConfiguration<PendingRemoval>
{
    public void Configure(EntityTypeBuilder<PendingRemoval> builder)
    {
        builder.ToTable("PendingRemovals");
        builder.Property(removal => removal.Router).HasMaxLength(63).IsRequired();
        builder.Property(removal => removal.MachineId).HasMaxLength(63);
        builder.HasIndex(removal => removal.Router);
    }
}
