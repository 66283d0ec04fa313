using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NatFunctions.Core.Domain;

namespace NatFunctions.Infrastructure.Persistence;

/// <summary>Conventions shared by every entity: the concurrency token, UTC timestamps, enums stored as text.</summary>
internal static class EntityConventions
{
    // SQLite hands DateTime back with Kind=Unspecified; everything we store is UTC, so say so on the way out.
    private static readonly ValueConverter<DateTime, DateTime> UtcConverter =
        new(value => value, value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtcConverter =
        new(value => value, value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : value);

    public static void ApplyEntityConventions(this ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(Entity).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.HasKey(nameof(Entity.Id));
            entity.Property(nameof(Entity.ConcurrencyStamp)).IsConcurrencyToken();

            foreach (var property in entityType.GetProperties())
            {
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(UtcConverter);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(NullableUtcConverter);
                }
                else if (property.ClrType.IsEnum)
                {
                    entity.Property(property.Name).HasConversion<string>().HasMaxLength(32);
                }
            }
        }
    }
}
