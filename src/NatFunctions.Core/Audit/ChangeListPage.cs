namespace NatFunctions.Core.Audit;

/// <summary>A page of the audit log; <see cref="NextCursor"/> fetches the older sessions, null on the last page.</summary>
public sealed record ChangeListPage(IReadOnlyList<ChangeView> Items, string? NextCursor);
