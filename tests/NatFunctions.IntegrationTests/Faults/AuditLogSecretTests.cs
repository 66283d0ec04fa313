using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// A router's configuration holds secrets; the audit log (RouterChange.commands and router_output, served by
/// GET /v1/admin/changes) and row errors must never hold them, whatever the session read and wherever it broke off.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class AuditLogSecretTests(SimulatedVyosSshServer server)
{
    // A revert on 1.3/1.4 reboots the router (equuleus vyatta-cfg commit-confirm, sagitta:python/vyos/config_mgmt.py
    // commit_confirm); keep the simulated reboot short so the test's next login finds the router up.
    private const int RebootMs = 200;

    private const int MinuteMs = 10_000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private static readonly string[] Secrets =
    [
        "$6$rounds=656000$SeCrEtSaLt$H4shOfTheAdminPassword",
        "Pre-Shared-Secret-Of-The-Branch-Tunnel",
        "WireGuardPrivateKeyAAAAAAAAAAAAAAAAAAAAAAA=",
    ];

    private static readonly string SecretConfig = string.Join('\n',
    [
        "set system host-name 'vyos'",
        $"set system login user vyos authentication encrypted-password '{Secrets[0]}'",
        "set vpn ipsec authentication psk branch id '198.51.100.9'",
        $"set vpn ipsec authentication psk branch secret '{Secrets[1]}'",
        "set interfaces wireguard wg0 address '10.9.0.1/24'",
        $"set interfaces wireguard wg0 private-key '{Secrets[2]}'",
    ]) + "\n" + OperatorLanConfig.For(Core.Vyos.VyosVersion.V1_4);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task No_session_puts_the_router_configuration_into_the_audit_log_or_a_row_error(int commitConfirmMinutes)
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes, initialConfig: SecretConfig);
        await SshApplierRig.AddTwoVmsAsync(rig);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        // Cut the next session where it has read the whole configuration (commit-confirm) or right after its commit.
        await rig.AddVmAsync("vm-c", "192.168.64.12", null, Applying.ApplierRig.Forward(10003, "dns", 32003, 53));
        var drop = commitConfirmMinutes > 0
            ? $$"""{"dropAfterCommands": {{await SshApplierRig.DropAfterAsync(rig, SessionStep.ReadBack)}}, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}"""
            : """{"dropAfterCommit": true}""";
        await server.SetFaultsAsync(drop);
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var errorsAfterDrop = (await rig.ForwardsAsync()).Select(forward => forward.LastError ?? string.Empty).ToList();
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);
        await using (var db = rig.CreateContext())
        {
            await db.Vms.Where(vm => vm.MachineId == "vm-b").ExecuteDeleteAsync();
        }

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        var changes = await rig.ChangesAsync();
        Assert.Contains(changes, change => change.Result == ChangeResult.TransportError);
        Assert.Equal(2, changes.Count(change => change.Result == ChangeResult.Committed));
        var stored = changes.SelectMany(change => new[] { change.Commands, change.RouterOutput ?? string.Empty })
            .Concat(errorsAfterDrop)
            .Concat((await rig.ForwardsAsync()).Select(forward => forward.LastError ?? string.Empty))
            .ToList();
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(stored, text => text.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(stored, text => text.Contains("private-key", StringComparison.Ordinal) || text.Contains("encrypted-password", StringComparison.Ordinal));
        if (commitConfirmMinutes > 0)
        {
            Assert.All(
                changes.Where(change => change.Result == ChangeResult.Committed),
                change => Assert.Matches(@"run show configuration commands\r?\n\[\d+ configuration lines read, not recorded: they may hold secrets, as planned\]", change.RouterOutput));
        }

        // The secrets are still on the router: the test read a configuration that had them.
        Assert.Contains(Secrets[1], await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None), StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }
}
