using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator;

/// <summary>One accepted <c>set</c> or <c>delete</c> of a session, kept so it can be replayed on the live active config.</summary>
internal sealed record ConfigChange(bool IsDelete, IReadOnlyList<string> Path, string? Value, ValueMode Mode)
{
    /// <returns>False when the tree already was that way (VyOS: "already exists" / nothing to delete).</returns>
    public bool ApplyTo(ConfigStore tree) => IsDelete ? tree.Delete(Path, Value) : tree.Set(Path, Value, Mode);
}
