using NatFunctions.Core.Planning;

namespace NatFunctions.Core.Routers.Views;

/// <summary>
/// One configured router for GET /v1/admin/routers: its settings, whether it answered just now, its recent
/// activity, and the foreign rules in its managed range (null when the router could not be read).
/// </summary>
public sealed record RouterOverview(
    RouterSettings Settings,
    RouterReachability Reachability,
    DateTime CheckedAt,
    RouterActivity Activity,
    IReadOnlyList<UnmanagedRule>? UnmanagedRules);
