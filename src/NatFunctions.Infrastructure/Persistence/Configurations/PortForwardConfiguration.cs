using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class PortForwardConfiguration : IEntityTypeConfiguration<PortForward>
{
    public void Configure(EntityTypeBuilder<PortForward> builder)
    {
        builder.ToTable("PortForwards");
        builder.Property(forward => forward.Router).HasMaxLength(63).IsRequired();
        builder.Property(forward => forward.PortName).HasMaxLength(63).IsRequired();
        builder.Property(forward => forward.SourceIp).HasMaxLength(18);
        builder.Property(forward => forward.CustomDescription).HasMaxLength(160);
        builder.Property(forward => forward.LastError).HasMaxLength(4000);

        builder.HasIndex(forward => new { forward.VmId, forward.PortName }).IsUnique();

        // tcp and udp share one external port space per router, so the port alone is unique, whatever the protocol.
        builder.HasIndex(forward => new { forward.Router, forward.ExternalPort }).IsUnique();
        builder.HasIndex(forward => new { forward.Router, forward.NatRuleNumber }).IsUnique();
        builder.HasIndex(forward => new { forward.Router, forward.SyncState });

        builder.ToTable(table =>
        {
            table.HasCheckConstraint("CK_PortForwards_ExternalPort", "[ExternalPort] BETWEEN 1 AND 65535");
            table.HasCheckConstraint("CK_PortForwards_InternalPort", "[InternalPort] BETWEEN 1 AND 65535");
        });
    }
}
