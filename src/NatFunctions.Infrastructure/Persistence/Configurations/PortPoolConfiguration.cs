using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class PortPoolConfiguration : IEntityTypeConfiguration<PortPool>
{
    public void Configure(EntityTypeBuilder<PortPool> builder)
    {
        builder.ToTable("PortPools");
        builder.Property(pool => pool.Name).HasMaxLength(63).IsRequired();
        builder.Property(pool => pool.Router).HasMaxLength(63).IsRequired();
        builder.HasIndex(pool => pool.Name).IsUnique();
        builder.HasIndex(pool => pool.Router);
        builder.ToTable(table => table.HasCheckConstraint(
            "CK_PortPools_Range", "[StartPort] >= 1 AND [EndPort] <= 65535 AND [StartPort] <= [EndPort]"));
    }
}
