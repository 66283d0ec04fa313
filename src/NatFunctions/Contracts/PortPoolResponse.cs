using NatFunctions.Core.Pools;

namespace NatFunctions.Contracts;

/// <summary>A port pool; <c>used</c> counts the forwards of its router whose external port lies in its range.</summary>
public sealed record PortPoolResponse(
    string Name,
    string Router,
    int StartPort,
    int EndPort,
    bool IsActive,
    long Capacity,
    long Used,
    long Free,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static PortPoolResponse From(PortPoolView pool) => new(
        pool.Name,
        pool.Router,
        pool.StartPort,
        pool.EndPort,
        pool.IsActive,
        pool.Capacity,
        pool.Used,
        pool.Free,
        pool.CreatedAt,
        pool.UpdatedAt);
}
