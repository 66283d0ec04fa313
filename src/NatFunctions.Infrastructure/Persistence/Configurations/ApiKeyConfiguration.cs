using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.Property(key => key.Name).HasMaxLength(63).IsRequired();
        builder.Property(key => key.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(key => key.Hash).HasMaxLength(32).IsRequired();
        builder.HasIndex(key => key.Prefix).IsUnique();
        builder.HasIndex(key => key.Name).IsUnique();
    }
}
