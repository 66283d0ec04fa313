namespace NatFunctions.LocalHost.Routing;

/// <summary>Segment kinds in precedence order: when two templates match, the one with the earlier kind at the
/// first differing segment wins (so <c>vms/provision</c> beats <c>vms/{machine_id}</c>).</summary>
internal enum RouteSegmentKind
{
    Literal = 0,
    Complex = 1,
    ConstrainedParameter = 2,
    Parameter = 3,
    OptionalParameter = 4,
    CatchAll = 5,
}
