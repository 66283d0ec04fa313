namespace NatFunctions.Core.Domain;

/// <summary>
/// Fields every stored row has. <see cref="ConcurrencyStamp"/> is replaced on every update so that two writers
/// racing on one row cannot both win; a portable token works on SQLite and SQL Server alike (rowversion does not).
/// The context stamps a row when it is added or modified (NatFunctionsDbContext), so a new object starts unstamped:
/// an initializer here would draw a random Guid for every row EF materializes, 400 per page of 100 VMs, about a
/// tenth of the worker's CPU for a page read (docs/benchmarks.md §3).
/// </summary>
public abstract class Entity
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}
