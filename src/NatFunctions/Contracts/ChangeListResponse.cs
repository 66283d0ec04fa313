namespace NatFunctions.Contracts;

/// <summary>A page of the audit log, newest first; pass <see cref="NextCursor"/> as <c>?cursor=</c> for older sessions (null on the last page).</summary>
public sealed record ChangeListResponse(IReadOnlyList<ChangeResponse> Items, string? NextCursor);
