using NatFunctions.Core.Health;

namespace NatFunctions.Core.Tests.Health;

/// <summary>Product-spec §3: the database decides unhealthy; storage and routers only degrade (writes still queue).</summary>
public sealed class HealthReportTests
{
    private static readonly Dictionary<string, ComponentHealth> AllRoutersOk = new() { ["a"] = ComponentHealth.Ok, ["b"] = ComponentHealth.Ok };

    [Theory]
    [InlineData(ComponentHealth.Ok)]
    [InlineData(ComponentHealth.NotConfigured)]
    public void Everything_ok_is_healthy_with_or_without_storage(ComponentHealth storage) =>
        Assert.Equal(HealthStatus.Healthy, new HealthReport(ComponentHealth.Ok, storage, AllRoutersOk).Status);

    [Theory]
    [InlineData(ComponentHealth.Error)]
    [InlineData(ComponentHealth.Unreachable)]
    public void A_failing_database_is_unhealthy_even_when_everything_else_is_fine(ComponentHealth database) =>
        Assert.Equal(HealthStatus.Unhealthy, new HealthReport(database, ComponentHealth.Ok, AllRoutersOk).Status);

    [Theory]
    [InlineData(ComponentHealth.Unreachable)]
    [InlineData(ComponentHealth.UntrustedHostKey)]
    [InlineData(ComponentHealth.Error)]
    public void One_bad_router_degrades(ComponentHealth router)
    {
        var routers = new Dictionary<string, ComponentHealth>(AllRoutersOk) { ["b"] = router };

        Assert.Equal(HealthStatus.Degraded, new HealthReport(ComponentHealth.Ok, ComponentHealth.Ok, routers).Status);
    }

    [Theory]
    [InlineData(ComponentHealth.Unreachable)]
    [InlineData(ComponentHealth.Error)]
    public void Unreachable_storage_degrades(ComponentHealth storage) =>
        Assert.Equal(HealthStatus.Degraded, new HealthReport(ComponentHealth.Ok, storage, AllRoutersOk).Status);

    [Fact]
    public void A_failing_database_wins_over_a_bad_router() =>
        Assert.Equal(
            HealthStatus.Unhealthy,
            new HealthReport(ComponentHealth.Error, ComponentHealth.Ok, new Dictionary<string, ComponentHealth> { ["a"] = ComponentHealth.Unreachable }).Status);
}
