using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class IpPoolConfiguration : IEntityTypeConfiguration<IpPool>
{
    public void Configure(EntityTypeBuilder<IpPool> builder)
    {
        builder.ToTable("IpPools");
        builder.Property(pool => pool.Name).HasMaxLength(63).IsRequired();
        builder.Property(pool => pool.Router).HasMaxLength(63).IsRequired();
        builder.Property(pool => pool.Cidr).HasMaxLength(18).IsRequired();
        builder.Property(pool => pool.RangeStart).HasMaxLength(15).IsRequired();
        builder.Property(pool => pool.RangeEnd).HasMaxLength(15).IsRequired();
        builder.HasIndex(pool => pool.Name).IsUnique();
        builder.HasIndex(pool => pool.Router);
    }
}
