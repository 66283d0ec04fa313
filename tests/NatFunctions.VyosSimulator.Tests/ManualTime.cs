namespace NatFunctions.VyosSimulator.Tests;

/// <summary>A clock the test moves by hand, so a commit-confirm deadline passes without waiting.</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset now = new(2026, 11, 25, 17, 40, 1, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
