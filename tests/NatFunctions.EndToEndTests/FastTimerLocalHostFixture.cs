using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests;

/// <summary>A host whose sync timer fires every two seconds.</summary>
public sealed class FastTimerLocalHostFixture : LocalHostFixture
{
    public const string Schedule = "*/2 * * * * *";

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
        => environment["SyncSchedule"] = Schedule;
}
