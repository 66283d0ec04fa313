
namespace NatFunctions.Core.Applying;

/// <summary>
/// Every decision that depends on the kind of run, in one place: which kind a write or a sync asks for, which kinds
/// share the router's session queue and how they merge there, and what a run of each kind may do.
/// </summary>
public static class ReconcileKindRules
{
    /// <summary>A write (provision, port change) wants its pending rows on the router; in report mode nothing else.</summary>
    public static ReconcileKind ForWrite(SyncMode mode) => mode == SyncMode.Report ? ReconcileKind.PendingOnly : ReconcileKind.Repair;

    /// <summary>A sync (timer or manual) repairs drift, or in report mode only records it.</summary>
    public static ReconcileKind ForSync(SyncMode mode, bool dryRun) => dryRun
        ? ReconcileKind.DryRun
        : mode == SyncMode.Report ? ReconcileKind.Report : ReconcileKind.Repair;

    extension(ReconcileKind kind)
    {
        /// <summary>
        /// Kinds that send run one at a time in the router's queue and may share a session with other callers.
        /// A dry run and a report change nothing, so they run on their own (a writer sharing one would not be applied).
        /// </summary>
        public bool SharesSessions => kind is ReconcileKind.Repair or ReconcileKind.PendingOnly;

        /// <summary>The kind of one session shared by two callers: a repair covers everything a pending-only run does.</summary>
        public ReconcileKind JoinedWith(ReconcileKind other) =>
            kind == ReconcileKind.Repair || other == ReconcileKind.Repair ? ReconcileKind.Repair : kind;

        /// <summary>A dry run only plans: no lease, nothing sent, nothing recorded, and no sync counted in the metrics.</summary>
        public bool OnlyPlans => kind == ReconcileKind.DryRun;

        /// <summary>Repair and pending-only runs send changes and write row states; a report records its plan only.</summary>
        public bool Sends => kind is ReconcileKind.Repair or ReconcileKind.PendingOnly;

        /// <summary>A pending-only run leaves drift on applied rows (and undeleted objects nobody removed) alone.</summary>
        public bool SendsOnlyPending => kind == ReconcileKind.PendingOnly;
    }
}
