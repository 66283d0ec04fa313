using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// A router whose sshd allows only two channels per connection (<c>MaxSessions 2</c>) while a slow commit runs and
/// three NAT reads arrive at once: a refused channel may fail a read, never the commit on the shared connection.
/// </summary>
public sealed class ChannelBudgetTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly SimulatedVyosSshServer server = new() { MaxSessions = 2 };

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Theory]
    // The default budget, above this router's MaxSessions: sshd refuses some reads' channels; they fail alone.
    [InlineData(6)]
    // A budget at MaxSessions: one channel is kept for the session, the reads take turns on the other.
    [InlineData(2)]
    public async Task Three_reads_during_a_slow_commit_never_cost_the_commit(int maxChannels)
    {
        // The operator's LAN: VyOS refuses our static mappings on a router without it (see OperatorLanConfig).
        await server.StartRouterAsync("1.4", OperatorLanConfig.For(Core.Vyos.VyosVersion.V1_4));
        var router = server.RouterSettings() with { DhcpSharedNetwork = "LAN", DhcpSubnet = "192.168.64.0/24", MaxChannels = maxChannels };
        await using var rig = await ApplierRig.StartAsync(router, server.StateDir);
        await SshApplierRig.AddTwoVmsAsync(rig);
        await server.SetFaultsAsync("""{"commitDelayMs": 6000}""");

        var applying = rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await RouterCommitWatch.WaitUntilCommittingAsync(server.StateDir, Wait);
        var reads = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(ReadNatAsync(rig))));
        var finished = await applying;

        Assert.True(finished);
        var session = Assert.Single(await rig.ChangesAsync());
        Assert.Equal(ChangeResult.Committed, session.Result);
        await server.SetFaultsAsync("{}");
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        if (maxChannels <= server.MaxSessions)
        {
            Assert.All(reads, failure => Assert.Null(failure));
        }
        else
        {
            Assert.All(reads.OfType<string>(), failure => Assert.Contains("refused another SSH channel", failure, StringComparison.Ordinal));
        }
    }

    /// <summary>A NAT read as the router views run it; null when it worked, otherwise why not.</summary>
    private static Func<Task<string?>> ReadNatAsync(ApplierRig rig) => async () =>
    {
        try
        {
            // The commit is not active yet, so the text itself says nothing here.
            await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);
            return null;
        }
        catch (RouterAccessException exception)
        {
            return exception.Message;
        }
    };
}
