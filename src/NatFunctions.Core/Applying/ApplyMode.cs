namespace NatFunctions.Core.Applying;

/// <summary>Setting <c>Apply:Mode</c>.</summary>
public enum ApplyMode
{
    /// <summary><c>group</c>: callers share configure sessions (one in flight, one collecting the rest).</summary>
    Group,

    /// <summary><c>per-request</c>: every call runs its own session under the lease; the baseline for benchmarks.</summary>
    PerRequest,
}
