namespace NatFunctions.Core.Planning;

public enum PlannedChangeKind
{
    /// <summary>Desired but missing on the router.</summary>
    Add,

    /// <summary>On the router but different; replaced (delete + set) in one commit.</summary>
    Update,

    /// <summary>Owned by us on the router but no longer desired.</summary>
    Delete,
}
