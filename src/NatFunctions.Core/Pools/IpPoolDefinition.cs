namespace NatFunctions.Core.Pools;

/// <summary>
/// What a caller asks an IP pool to be, as received (text, unvalidated). Used for create and for replace; on replace
/// <see cref="Name"/> and <see cref="Router"/> may be omitted and, when given, must equal the pool's current values.
/// A missing <see cref="IsActive"/> means true on create and "unchanged" on replace.
/// </summary>
public sealed record IpPoolDefinition(string? Name, string? Router, string? Cidr, string? RangeStart, string? RangeEnd, bool? IsActive);
