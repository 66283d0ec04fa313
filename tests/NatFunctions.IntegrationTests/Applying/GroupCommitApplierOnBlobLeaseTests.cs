using NatFunctions.Core.Domain;
using NatFunctions.IntegrationTests.Leases;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>Many writers at once share configure sessions; the router lease is a real blob lease on Azurite.</summary>
public sealed class GroupCommitApplierOnBlobLeaseTests : IDisposable
{
    private readonly AzuriteProcess azurite = new();

    public void Dispose() => azurite.Dispose();

    [Fact]
    public async Task A_hundred_concurrent_writers_are_all_applied_in_at_most_three_commits()
    {
        await using var rig = await ApplierRig.StartAsync(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString });

        var writers = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            await rig.AddVmAsync($"vm-{i}", $"192.168.65.{i + 1}", null, ApplierRig.Forward(10000 + i, "ssh", 32000 + i, 22));
            return await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, $"writer-{i}", TimeSpan.FromMinutes(3), CancellationToken.None);
        }));
        var finished = await Task.WhenAll(writers);

        Assert.All(finished, Assert.True);
        var forwards = await rig.ForwardsAsync();
        Assert.Equal(100, forwards.Count);
        Assert.All(forwards, forward => Assert.Equal(SyncState.Applied, forward.SyncState));
        var descriptions = await rig.RouterLinesAsync("set nat destination rule ");
        Assert.Equal(100, descriptions.Count(line => line.Contains(" description 'nf:vm-", StringComparison.Ordinal)));
        var commits = (await rig.ChangesAsync()).Count(change => change.Result == ChangeResult.Committed);
        Assert.InRange(commits, 1, 3);
    }
}
