using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Audit;

/// <summary>Router sessions newest first; <see cref="HasMore"/> says whether older ones follow.</summary>
public sealed record ChangePage(IReadOnlyList<RouterChange> Items, bool HasMore);
