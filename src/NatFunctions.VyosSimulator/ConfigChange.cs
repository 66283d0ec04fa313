using NatFunctions.Core.Vyos;

namespace NatFunctions.VyosSimulator;

/// <summary>One accepted <c>set</c> or <c>delete</c> of a session, kept so it can be replayed on the live active config.</summary>
internal sealed record ConfigChange(bool IsDelete, IReadOnlyList<string> Path, string? Value, ValueMode Mode)
{
    public void ApplyTo(ConfigTree tree)
    {
        if (IsDelete) tree.Delete(Path, Value);
        else tree.Set(Path, Value, Mode);
    }
}
