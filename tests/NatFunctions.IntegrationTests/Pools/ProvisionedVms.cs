using NatFunctions.Core.Domain;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.IntegrationTests.Pools;

/// <summary>Writes VMs and forwards straight into the database, the way provisioning leaves them, so pools have users.</summary>
public static class ProvisionedVms
{
    private static int nextRuleNumber = 10000;

    public static async Task<Vm> AddAsync(
        NatFunctionsDbContext context, IpPool pool, string machineId, string internalIp, params (string PortName, int ExternalPort)[] forwards)
    {
        var vm = new Vm { MachineId = machineId, InternalIp = internalIp, Router = pool.Router, IpPoolId = pool.Id };
        foreach (var (portName, externalPort) in forwards)
        {
            vm.Forwards.Add(new PortForward
            {
                Router = pool.Router,
                PortName = portName,
                InternalPort = 22,
                ExternalPort = externalPort,
                NatRuleNumber = Interlocked.Increment(ref nextRuleNumber),
            });
        }

        context.Vms.Add(vm);
        await context.SaveChangesAsync();
        return vm;
    }
}
