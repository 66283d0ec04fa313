using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// The provisioning LocalHost plus a second simulated router, <c>small</c>, whose port pool has two ports: enough to
/// run out on purpose, and a second router for <c>?router=</c> filtering.
/// </summary>
public sealed class PortActionFixture : ProvisioningFixture
{
    public const string SmallRouterName = "small";

    public SimulatedRouter SmallRouter => new(Path.Combine(ScratchDirectory, "router-small"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateAsync("/v1/admin/ip-pools", new { name = "small-lan", router = SmallRouterName, cidr = "10.20.0.0/24", range_start = "10.20.0.10", range_end = "10.20.0.60" });
        await CreateAsync("/v1/admin/port-pools", new { name = "small-ext", router = SmallRouterName, start_port = 34000, end_port = 34001 });
    }

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        base.ConfigureEnvironment(environment);
        environment[$"Routers__{SmallRouterName}__Transport"] = "simulated";
        environment[$"Routers__{SmallRouterName}__StateDir"] = Path.Combine(ScratchDirectory, "router-small");
    }
}
