using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence.Configurations;

internal sealed class VmConfiguration : IEntityTypeConfiguration<Vm>
{
    public void Configure(EntityTypeBuilder<Vm> builder)
    {
        builder.ToTable("Vms");
        builder.Property(vm => vm.MachineId).HasMaxLength(63).IsRequired();
        builder.Property(vm => vm.MacAddress).HasMaxLength(17);
        builder.Property(vm => vm.InternalIp).HasMaxLength(15).IsRequired();
        builder.Property(vm => vm.Router).HasMaxLength(63).IsRequired();
        builder.Property(vm => vm.Metadata).HasMaxLength(4096);
        builder.Property(vm => vm.DhcpLastError).HasMaxLength(4000);

        builder.HasIndex(vm => vm.MachineId).IsUnique();

        // Bracket quoting is understood by both SQL Server and SQLite, so one filter serves both migration sets;
        // without the filter SQL Server would allow only one VM without a MAC.
        builder.HasIndex(vm => vm.MacAddress).IsUnique().HasFilter("[MacAddress] IS NOT NULL");
        builder.HasIndex(vm => new { vm.Router, vm.InternalIp }).IsUnique();

        builder.HasOne(vm => vm.IpPool).WithMany().HasForeignKey(vm => vm.IpPoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(vm => vm.Forwards).WithOne(forward => forward.Vm).HasForeignKey(forward => forward.VmId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
