using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Applying;

/// <summary>What reconciles report to monitoring (Prometheus and OpenTelemetry in Infrastructure).</summary>
public interface IReconcileMetrics
{
    /// <summary>One configure session (or a run that sent nothing) was recorded in the audit log.</summary>
    void RecordSession(RouterChange change);

    /// <summary>One reconcile of a router ended with <paramref name="report"/>.</summary>
    void RecordReconcile(ReconcileRequest request, RouterSyncReport report);
}
