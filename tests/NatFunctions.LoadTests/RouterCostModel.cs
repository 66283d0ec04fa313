using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>
/// The simulated router and the network in front of it: what a commit and each <c>set</c>/<c>delete</c> cost on the
/// router (the simulator's <c>--commit-delay-ms</c>, <c>--command-delay-ms</c>) and the round trip between the
/// worker and sshd (the <see cref="DelayingTcpRelay"/>; 0 = no relay).
/// </summary>
internal sealed record RouterCostModel(int CommitDelayMs, int CommandDelayMs, int RttMs)
{
    /// <summary>
    /// The router's own bound for some work: what it costs even with a client that waits for nothing it need not
    /// wait for, one session after another (the router lease serializes them). Each <c>set</c>/<c>delete</c> costs
    /// its command delay and each commit its commit delay; every strictly sequential step costs one round trip.
    /// </summary>
    public TimeSpan BoundOf(RouterWork work) => TimeSpan.FromMilliseconds(
        (double)work.SetOrDeleteCommands * CommandDelayMs + (double)work.Commits * CommitDelayMs + (double)work.SequentialSteps * RttMs);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"commit delay {CommitDelayMs} ms, command delay {CommandDelayMs} ms per set/delete, rtt {RttMs} ms{(RttMs > 0 ? " (delaying relay)" : " (no relay)")}");
}
