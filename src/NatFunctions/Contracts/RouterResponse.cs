using NatFunctions.Core.Routers;
using NatFunctions.Core.Routers.Views;

namespace NatFunctions.Contracts;

/// <summary>
/// A configured router (never its credentials or host key), whether it answered a live read just now, its recent
/// sessions and the work still pending for it. <see cref="UnmanagedRules"/> comes from that live read; null when the
/// router could not be read.
/// </summary>
public sealed record RouterResponse(
    string Name,
    string Transport,
    string? Host,
    int Port,
    string VyosVersion,
    string ManagedRules,
    string Marker,
    string InboundInterface,
    string? DhcpSharedNetwork,
    string? DhcpSubnet,
    int CommitConfirmMinutes,
    bool SaveAfterCommit,
    RouterReachability Reachability,
    DateTime CheckedAt,
    RouterSessionResponse? LastSession,
    RouterSessionResponse? LastSync,
    DateTime? LastCommittedAt,
    RouterPendingChangesResponse PendingChanges,
    int FailedForwards,
    IReadOnlyList<RouterUnmanagedRuleResponse>? UnmanagedRules)
{
    public static RouterResponse From(RouterOverview overview)
    {
        var settings = overview.Settings;
        var activity = overview.Activity;
        return new RouterResponse(
            settings.Name,
            TransportName(settings.Transport),
            settings.Host,
            settings.Port,
            settings.VyosVersion.ToString(),
            settings.ManagedRules.ToString(),
            settings.Marker,
            settings.InboundInterface,
            settings.DhcpSharedNetwork,
            settings.DhcpSubnet,
            settings.CommitConfirmMinutes,
            settings.SaveAfterCommit,
            overview.Reachability,
            overview.CheckedAt,
            RouterSessionResponse.From(activity.LastSession),
            RouterSessionResponse.From(activity.LastSync),
            activity.LastCommittedAt,
            new RouterPendingChangesResponse(
                activity.PendingForwards, activity.PendingDhcpMappings, activity.PendingForwards + activity.PendingDhcpMappings),
            activity.FailedForwards,
            overview.UnmanagedRules?.Select(rule => new RouterUnmanagedRuleResponse(rule.RuleNumber, rule.Description)).ToList());
    }

    // The words the Transport setting is written with, not the enum's snake_case ("http_api").
    private static string TransportName(RouterTransport transport) => transport switch
    {
        RouterTransport.Ssh => "ssh",
        RouterTransport.HttpApi => "http-api",
        _ => "simulated",
    };
}
