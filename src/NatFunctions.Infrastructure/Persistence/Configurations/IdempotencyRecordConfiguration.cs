using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.Property(record => record.Key).HasMaxLength(128).IsRequired();
        builder.Property(record => record.ApiKeyPrefix).HasMaxLength(16).IsRequired();
        builder.Property(record => record.RequestHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(record => new { record.ApiKeyPrefix, record.Key }).IsUnique();
        builder.HasIndex(record => record.ExpiresAt);
    }
}
