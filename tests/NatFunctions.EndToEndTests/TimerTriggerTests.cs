using System.Text.RegularExpressions;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests;

public sealed class TimerTriggerTests(FastTimerLocalHostFixture fixture) : IClassFixture<FastTimerLocalHostFixture>
{
    // The timer runs the real reconcile of every router and logs one line per router it synced.
    private const string FiredLine = "Sync of router local:";

    [Fact]
    public async Task Timer_function_fires_repeatedly_on_its_schedule_from_the_app_setting()
    {
        Assert.Contains($"timerTrigger ({FastTimerLocalHostFixture.Schedule})", fixture.Host.Output, StringComparison.Ordinal);

        await fixture.Host.WaitForOutputAsync(FiredLine, TimeSpan.FromSeconds(20), CancellationToken.None);
        var firstCount = Regex.Count(fixture.Host.Output, FiredLine);
        await WaitUntilAsync(() => Regex.Count(fixture.Host.Output, FiredLine) > firstCount, TimeSpan.FromSeconds(20));
    }

    private async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"Condition not met within {timeout}. Output:{Environment.NewLine}{fixture.Host.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }
}
