using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>The simulated transport: the same CLI driver over the simulator process's stdin/stdout, no sshd.</summary>
public sealed class SimulatorProcessOpenerTests : IDisposable
{
    private readonly string stateDir = Path.Combine(Path.GetTempPath(), "nf-sim-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(stateDir))
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_change_is_committed_and_read_back_from_a_fresh_state_folder()
    {
        using var factory = Factory(new RouterSettings { Name = "lab", Transport = RouterTransport.Simulated, StateDir = stateDir });
        var router = factory.Get("lab");
        var commands = NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22);

        var probe = await router.ProbeAsync(CancellationToken.None);
        var result = await router.ApplyAsync(new RouterChangeRequest(commands), CancellationToken.None);
        var configuration = await router.ReadConfigurationCommandsAsync(CancellationToken.None);

        Assert.Equal(RouterProbeStatus.Ok, probe.Status);
        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.True(result.Saved);
        Assert.Equal(commands, NatRuleCommands.ConfigLines(configuration).Where(l => l.StartsWith("set nat", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_hundred_forwards_typed_ahead_over_the_process_pipes_are_committed()
    {
        using var factory = Factory(new RouterSettings { Name = "lab", Transport = RouterTransport.Simulated, StateDir = stateDir, PipelineWindow = 64 });
        var router = factory.Get("lab");
        var commands = Enumerable.Range(0, 100).SelectMany(rule => NatRuleCommands.PortForward(10000 + rule, 32000 + rule, "192.168.64.10", 22)).ToArray();

        var result = await router.ApplyAsync(new RouterChangeRequest(commands), CancellationToken.None);
        var configuration = await router.ReadConfigurationCommandsAsync(CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal(commands.Length, NatRuleCommands.ConfigLines(configuration).Count(l => l.StartsWith("set nat", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_value_leaves_the_simulated_router_unchanged()
    {
        using var factory = Factory(new RouterSettings { Name = "lab", Transport = RouterTransport.Simulated, StateDir = stateDir });
        var router = factory.Get("lab");
        var before = await router.ReadConfigurationCommandsAsync(CancellationToken.None);

        var result = await router.ApplyAsync(
            new RouterChangeRequest(["set nat destination rule 10000 protocol 'tcp'", "set nat destination rule 10000 destination port '55-23'"]),
            CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal("set nat destination rule 10000 destination port '55-23'", result.FailedCommand);
        Assert.Equal("  Error: 55-23 is not a valid port range\n\n\n\n  Invalid value\n  Value validation failed\n  Set failed", result.Message);
        Assert.Equal(before, await router.ReadConfigurationCommandsAsync(CancellationToken.None));
    }

    [Fact]
    public void AddRouters_without_router_settings_gives_the_local_simulated_router()
    {
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(TimeProvider.System)
            .AddRouters(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IRouterClientFactory>();

        Assert.Equal(["local"], factory.RouterNames);
        Assert.Equal(RouterTransport.Simulated, factory.Get("local").Settings.Transport);
        Assert.Throws<KeyNotFoundException>(() => factory.Get("edge"));
    }

    private static RouterClientFactory Factory(RouterSettings settings) =>
        new([settings], NullLoggerFactory.Instance, TimeProvider.System);
}
