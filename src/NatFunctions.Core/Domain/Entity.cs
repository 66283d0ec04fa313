namespace NatFunctions.Core.Domain;

/// <summary>
/// Fields every stored row has. <see cref="ConcurrencyStamp"/> is replaced on every update so that two writers
/// racing on one row cannot both win; a portable token works on SQLite and SQL Server alike (rowversion does not).
/// </summary>
public abstract class Entity
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
