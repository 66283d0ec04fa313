using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class RouterChangeConfiguration : IEntityTypeConfiguration<RouterChange>
{
    public void Configure(EntityTypeBuilder<RouterChange> builder)
    {
        builder.ToTable("RouterChanges");
        builder.Property(change => change.Router).HasMaxLength(63).IsRequired();
        builder.Property(change => change.Actor).HasMaxLength(63);
        builder.Property(change => change.Commands).IsRequired();
        builder.HasIndex(change => new { change.Router, change.StartedAt });
        builder.HasIndex(change => change.StartedAt);
    }
}
