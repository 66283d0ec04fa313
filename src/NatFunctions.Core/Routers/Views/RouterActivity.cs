using NatFunctions.Core.Audit;

namespace NatFunctions.Core.Routers.Views;

/// <summary>
/// What the database knows about a router's recent sessions and outstanding work. <see cref="LastSync"/> is the newest
/// timer or manual reconcile (the one that looks for drift); <see cref="LastSession"/> the newest session of any trigger.
/// </summary>
public sealed record RouterActivity(
    ChangeView? LastSession,
    ChangeView? LastSync,
    DateTime? LastCommittedAt,
    int PendingForwards,
    int PendingDhcpMappings,
    int FailedForwards)
{
    public static readonly RouterActivity None = new(null, null, null, 0, 0, 0);
}
