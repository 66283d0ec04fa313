namespace NatFunctions.Infrastructure.Routers;

/// <summary>What a shell is opened for: the channel budget keeps one channel for the configure session.</summary>
internal enum RouterChannelUse
{
    /// <summary>Read-only work (router views, reservations, health probes, the reconcile's read): waits for a free channel, bounded.</summary>
    Read,

    /// <summary>A configure session (one per router at a time, under the lease): always finds the kept channel.</summary>
    Configure,
}
