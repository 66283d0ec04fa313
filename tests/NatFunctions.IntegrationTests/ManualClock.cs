namespace NatFunctions.IntegrationTests;

/// <summary>A clock the test moves by hand, so expiry is tested without waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
