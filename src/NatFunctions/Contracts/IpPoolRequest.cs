namespace NatFunctions.Contracts;

/// <summary>
/// Body of POST and PUT. Everything is text so that a bad value is reported per field, never as unreadable JSON.
/// On PUT, <c>name</c> and <c>router</c> may be omitted (they cannot change) and a missing <c>is_active</c> keeps the current value.
/// </summary>
public sealed record IpPoolRequest(string? Name, string? Router, string? Cidr, string? RangeStart, string? RangeEnd, bool? IsActive);
