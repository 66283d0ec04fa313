namespace NatFunctions.Core.Planning;

/// <summary>
/// A desired object that cannot be put on the router as stored (a value VyOS cannot take, a rule number outside the
/// managed range, or a number already used by a rule we do not own). It is left out of every plan; the applier
/// marks its row failed with <see cref="Reason"/>.
/// </summary>
public sealed record RefusedObject(int? RuleNumber, string? MappingName, string Reason)
{
    /// <summary>The router object that was refused.</summary>
    public RouterObjectKey Key => RouterObjectKey.Of(RuleNumber, MappingName);
}
