using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>GET /v1/admin/routers and /v1/admin/routers/{name}/nat against the simulated router, through the real worker.</summary>
[Collection(ViewsCollection.Name)]
public sealed class RouterViewTests(ViewsLocalHostFixture fixture)
{
    [Fact]
    public async Task The_router_list_shows_local_reachable_with_its_settings_and_no_credentials()
    {
        var response = await fixture.AdminClient.GetAsync("/v1/admin/routers");
        var text = await response.Content.ReadAsStringAsync();
        var local = Router(JsonDocument.Parse(text).RootElement, "local");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", local.GetProperty("reachability").GetString());
        Assert.Equal("simulated", local.GetProperty("transport").GetString());
        Assert.Equal("1.4", local.GetProperty("vyos_version").GetString());
        Assert.Equal("10000-19999", local.GetProperty("managed_rules").GetString());
        Assert.Equal("nf", local.GetProperty("marker").GetString());
        Assert.Equal("eth0", local.GetProperty("inbound_interface").GetString());
        Assert.Equal(ViewsLocalHostFixture.SharedNetwork, local.GetProperty("dhcp_shared_network").GetString());
        Assert.Equal(ViewsLocalHostFixture.Subnet, local.GetProperty("dhcp_subnet").GetString());
        Assert.Equal(0, local.GetProperty("commit_confirm_minutes").GetInt32());
        Assert.DoesNotContain("not-a-real-password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("host_key", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_router_list_reports_the_foreign_rule_inside_the_managed_range_as_unmanaged()
    {
        var local = Router(await (await fixture.AdminClient.GetAsync("/v1/admin/routers")).ReadJsonAsync(), "local");
        var unmanaged = local.GetProperty("unmanaged_rules").EnumerateArray().ToList();

        var rule = Assert.Single(unmanaged);
        Assert.Equal(ViewsLocalHostFixture.ForeignRuleInRange, rule.GetProperty("number").GetInt32());
        Assert.Equal("legacy web", rule.GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_unreachable_router_is_listed_as_unreachable_without_unmanaged_rules()
    {
        var down = Router(await (await fixture.AdminClient.GetAsync("/v1/admin/routers")).ReadJsonAsync(), "down");

        Assert.Equal("unreachable", down.GetProperty("reachability").GetString());
        Assert.Equal("ssh", down.GetProperty("transport").GetString());
        Assert.Equal("127.0.0.1", down.GetProperty("host").GetString());
        Assert.Equal(JsonValueKind.Null, down.GetProperty("unmanaged_rules").ValueKind);
    }

    [Fact]
    public async Task After_a_provision_the_router_list_shows_the_committed_session_and_nothing_pending()
    {
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "view-listed");

        var local = Router(await (await fixture.AdminClient.GetAsync("/v1/admin/routers")).ReadJsonAsync(), "local");
        var lastSession = local.GetProperty("last_session");

        Assert.Equal("committed", lastSession.GetProperty("result").GetString());
        Assert.True(lastSession.GetProperty("command_count").GetInt32() > 0);
        Assert.Equal(JsonValueKind.String, local.GetProperty("last_committed_at").ValueKind);
        Assert.Equal(0, local.GetProperty("pending_changes").GetProperty("total").GetInt32());
        Assert.Equal(0, local.GetProperty("failed_forwards").GetInt32());
    }

    [Fact]
    public async Task The_nat_view_shows_a_provisioned_vms_rules_and_mapping_as_owned()
    {
        var vm = await ProvisionedVm.CreateAsync(fixture.AdminClient, "view-owned", "02:00:00:00:00:21");

        var response = await fixture.AdminClient.GetAsync("/v1/admin/routers/local/nat");
        var body = await response.ReadJsonAsync();
        var rules = body.GetProperty("rules").EnumerateArray().ToList();
        var ours = rules.Where(rule => rule.GetProperty("description").GetString()!.StartsWith("nf:view-owned:", StringComparison.Ordinal)).ToList();
        var ssh = ours.Single(rule => rule.GetProperty("description").GetString() == "nf:view-owned:ssh");
        var mapping = body.GetProperty("dhcp_static_mappings").EnumerateArray()
            .Single(candidate => candidate.GetProperty("name").GetString() == "nf-view-owned");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", body.GetProperty("router").GetString());
        Assert.Equal(2, ours.Count);
        Assert.All(ours, rule =>
        {
            Assert.True(rule.GetProperty("owned").GetBoolean());
            Assert.True(rule.GetProperty("managed_range").GetBoolean());
            Assert.Equal(vm.InternalIp, rule.GetProperty("translation_address").GetString());
            Assert.False(rule.GetProperty("disabled").GetBoolean());
        });
        Assert.Equal(vm.ExternalPorts["ssh"].ToString(System.Globalization.CultureInfo.InvariantCulture), ssh.GetProperty("destination_port").GetString());
        Assert.Equal("22", ssh.GetProperty("translation_port").GetString());
        Assert.Equal("tcp", ssh.GetProperty("protocol").GetString());
        Assert.Equal("eth0", ssh.GetProperty("inbound_interface").GetString());
        Assert.True(mapping.GetProperty("owned").GetBoolean());
        Assert.Equal(vm.InternalIp, mapping.GetProperty("ip_address").GetString());
        Assert.Equal("02:00:00:00:00:21", mapping.GetProperty("mac_address").GetString());
    }

    [Fact]
    public async Task The_nat_view_flags_foreign_rules_and_mappings_as_not_owned()
    {
        var body = await (await fixture.AdminClient.GetAsync("/v1/admin/routers/local/nat")).ReadJsonAsync();
        var rules = body.GetProperty("rules").EnumerateArray().ToDictionary(rule => rule.GetProperty("number").GetInt32());
        var printer = body.GetProperty("dhcp_static_mappings").EnumerateArray().Single(mapping => mapping.GetProperty("name").GetString() == "printer");

        var inRange = rules[ViewsLocalHostFixture.ForeignRuleInRange];
        var outside = rules[ViewsLocalHostFixture.ForeignRuleOutsideRange];
        Assert.True(inRange.GetProperty("managed_range").GetBoolean());
        Assert.False(inRange.GetProperty("owned").GetBoolean());
        Assert.Equal("8080", inRange.GetProperty("destination_port").GetString());
        Assert.Equal("192.168.64.5", inRange.GetProperty("translation_address").GetString());
        Assert.False(outside.GetProperty("managed_range").GetBoolean());
        Assert.False(outside.GetProperty("owned").GetBoolean());
        Assert.False(printer.GetProperty("owned").GetBoolean());
        Assert.Equal("192.168.64.7", printer.GetProperty("ip_address").GetString());
    }

    [Fact]
    public async Task The_nat_view_of_an_unknown_router_is_a_404_problem()
    {
        var response = await fixture.AdminClient.GetAsync("/v1/admin/routers/nowhere/nat");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_nat_view_of_an_unreachable_router_is_a_503_problem_with_retry_after()
    {
        var response = await fixture.AdminClient.GetAsync("/v1/admin/routers/down/nat");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, body.GetProperty("status").GetInt32());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Router_views_need_the_admin_role()
    {
        var created = await (await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = "views-operator", role = "operator" })).ReadJsonAsync();
        using var operatorClient = fixture.ClientWithKey(created.GetProperty("key").GetString()!);

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/v1/admin/routers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/v1/admin/routers/local/nat")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/v1/admin/changes")).StatusCode);
    }

    private static JsonElement Router(JsonElement list, string name) =>
        list.GetProperty("items").EnumerateArray().Single(router => router.GetProperty("name").GetString() == name);
}
