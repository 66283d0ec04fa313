namespace NatFunctions.LoadTests;

internal static class AdminKey
{
    /// <summary>The bootstrap admin key the harness gives its own LocalHost (no database row, no extra query).</summary>
    public const string Value = "load-harness-bootstrap-admin-key-0000000001";
}
