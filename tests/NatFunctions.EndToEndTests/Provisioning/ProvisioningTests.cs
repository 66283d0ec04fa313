using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// P3 on the production shape: the real worker under LocalHost, the real applier, the product's SSH driver to the
/// simulator behind a real OpenSSH server, and Azure Blob leases on Azurite.
/// </summary>
public sealed class ProvisioningTests(SshAzuriteProvisioningFixture fixture) : IClassFixture<SshAzuriteProvisioningFixture>
{
    [Fact]
    public async Task A_provisioned_vm_has_exactly_its_rules_and_dhcp_mapping_on_the_router()
    {
        var response = await fixture.AdminClient.PostJsonAsync(
            "/v1/vms/provision", new { vm_name = "web-01", mac_address = "52:54:00:AA:00:01", custom_description = "team web" });
        var vm = await response.ReadJsonAsync();
        var lines = await fixture.Router.ShowConfigurationCommandsAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("applied", vm.GetProperty("sync_state").GetString());
        var ip = vm.GetProperty("internal_ip").GetString();
        var forwards = vm.GetProperty("forwards").EnumerateArray().ToList();
        Assert.Equal(new[] { "http", "https", "ssh" }, forwards.Select(f => f.GetProperty("port_name").GetString()!).ToArray());
        Assert.Equal(3, forwards.Select(f => f.GetProperty("external_port").GetInt32()).Distinct().Count());
        Assert.Equal(3, forwards.Select(f => f.GetProperty("nat_rule_number").GetInt32()).Distinct().Count());
        foreach (var forward in forwards)
        {
            var rule = forward.GetProperty("nat_rule_number").GetInt32();
            Assert.InRange(rule, 10000, 19999);
            var expected = new[]
            {
                $"set nat destination rule {rule} description 'nf:web-01:{forward.GetProperty("port_name").GetString()} team web'",
                $"set nat destination rule {rule} destination port '{forward.GetProperty("external_port").GetInt32()}'",
                $"set nat destination rule {rule} inbound-interface name 'eth0'",
                $"set nat destination rule {rule} protocol 'tcp'",
                $"set nat destination rule {rule} translation address '{ip}'",
                $"set nat destination rule {rule} translation port '{forward.GetProperty("internal_port").GetInt32()}'",
            };
            Assert.Equal(expected, lines.Where(line => line.StartsWith($"set nat destination rule {rule} ", StringComparison.Ordinal)).ToArray());
        }

        var mapping = "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-web-01";
        Assert.Equal(
            new[] { $"{mapping} ip-address '{ip}'", $"{mapping} mac-address '52:54:00:aa:00:01'" },
            lines.Where(line => line.StartsWith(mapping + " ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Port_actions_reach_the_router_and_decommission_leaves_no_trace()
    {
        var created = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "app-01", ports = new[] { "ssh" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var custom = await (await fixture.AdminClient.PostJsonAsync(
            "/v1/vms/app-01/ports/api", new { action = "create", internal_port = 8080, protocol = "tcp_udp", source_ip = "203.0.113.0/24" })).ReadJsonAsync();
        var api = custom.GetProperty("forwards").EnumerateArray().Single(f => f.GetProperty("port_name").GetString() == "api");
        var rule = api.GetProperty("nat_rule_number").GetInt32();
        var afterCreate = await RuleLinesAsync(rule);

        await ExpectOkAsync("/v1/vms/app-01/ports/api", new { action = "disable" });
        var afterDisable = await RuleLinesAsync(rule);
        await ExpectOkAsync("/v1/vms/app-01/ports/api", new { action = "enable" });
        var afterEnable = await RuleLinesAsync(rule);
        await ExpectOkAsync("/v1/vms/app-01/ports/api", new { action = "update", protocol = "udp", internal_port = 9090 });
        var afterUpdate = await RuleLinesAsync(rule);
        await ExpectOkAsync("/v1/vms/app-01/ports/template", new { action = "pause", ports = new[] { "ssh" } });
        await ExpectOkAsync("/v1/vms/app-01/ports/api", new { action = "delete" });
        var afterDelete = await RuleLinesAsync(rule);

        Assert.Contains($"set nat destination rule {rule} protocol 'tcp_udp'", afterCreate);
        Assert.Contains($"set nat destination rule {rule} source address '203.0.113.0/24'", afterCreate);
        Assert.Contains($"set nat destination rule {rule} translation port '8080'", afterCreate);
        Assert.Contains($"set nat destination rule {rule} disable", afterDisable);
        Assert.DoesNotContain($"set nat destination rule {rule} disable", afterEnable);
        Assert.Contains($"set nat destination rule {rule} protocol 'udp'", afterUpdate);
        Assert.Contains($"set nat destination rule {rule} translation port '9090'", afterUpdate);
        Assert.Empty(afterDelete);

        var decommission = await fixture.AdminClient.DeleteAsync("/v1/vms/app-01/decommission");
        var lines = await fixture.Router.ShowConfigurationCommandsAsync();
        Assert.Equal(HttpStatusCode.OK, decommission.StatusCode);
        Assert.DoesNotContain(lines, line => line.Contains("nf:app-01:", StringComparison.Ordinal) || line.Contains("nf-app-01", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.AdminClient.GetAsync("/v1/vms/app-01")).StatusCode);
    }

    [Fact]
    public async Task A_hundred_concurrent_provisions_get_distinct_values_and_share_few_commits()
    {
        var commitsBefore = await fixture.CountRouterChangesAsync("Committed");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = $"burst-{i:000}", ports = new[] { "ssh", "https" } })));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()));
        var commits = await fixture.CountRouterChangesAsync("Committed") - commitsBefore;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(bodies, b => Assert.Equal("applied", b.GetProperty("sync_state").GetString()));
        var forwards = bodies.SelectMany(b => b.GetProperty("forwards").EnumerateArray()).ToList();
        Assert.Equal(100, bodies.Select(b => b.GetProperty("internal_ip").GetString()).Distinct().Count());
        Assert.Equal(200, forwards.Select(f => f.GetProperty("external_port").GetInt32()).Distinct().Count());
        Assert.Equal(200, forwards.Select(f => f.GetProperty("nat_rule_number").GetInt32()).Distinct().Count());
        Assert.InRange(commits, 1, 10);

        var lines = await fixture.Router.ShowConfigurationCommandsAsync();
        Assert.Equal(200, lines.Count(line => line.Contains(" description 'nf:burst-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_exhausted_pool_answers_507_and_writes_nothing()
    {
        var first = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "tiny-01", ip_pool = "tiny", ports = Array.Empty<string>() });
        var second = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "tiny-02", ip_pool = "tiny", ports = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode)507, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.AdminClient.GetAsync("/v1/vms/tiny-02")).StatusCode);
    }

    [Fact]
    public async Task Duplicate_names_and_macs_are_409()
    {
        await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "dup-01", mac_address = "52:54:00:aa:00:99", ports = Array.Empty<string>() });

        var sameName = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "dup-01", ports = Array.Empty<string>() });
        var sameMac = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "dup-02", mac_address = "52-54-00-AA-00-99", ports = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Conflict, sameName.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, sameMac.StatusCode);
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a;reboot")]
    [InlineData("$(reboot)")]
    [InlineData("`id`")]
    [InlineData("line\nbreak")]
    [InlineData("back\\slash")]
    [InlineData("quote\"d")]
    public async Task Hostile_strings_in_any_field_are_400_and_change_nothing(string hostile)
    {
        var before = await fixture.Router.ShowConfigurationCommandsAsync();
        var bodies = new object[]
        {
            new { vm_name = hostile },
            new { vm_name = "safe-01", mac_address = hostile },
            new { vm_name = "safe-01", router = hostile },
            new { vm_name = "safe-01", ip_pool = hostile },
            new { vm_name = "safe-01", ports = new[] { hostile } },
            new { vm_name = "safe-01", protocol = hostile },
            new { vm_name = "safe-01", source_ip = hostile },
            new { vm_name = "safe-01", custom_description = hostile },
            new { vm_name = "safe-01", forwards = new[] { new { port_name = hostile, internal_port = 80 } } },
            new { vm_name = "safe-01", forwards = new[] { new { port_name = "x", internal_port = 80, custom_description = hostile } } },
        };

        foreach (var body in bodies)
        {
            var response = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", body);
            var problem = await response.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
            Assert.DoesNotContain(hostile, problem.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.AdminClient.GetAsync("/v1/vms/safe-01")).StatusCode);
        Assert.Equal(before, await fixture.Router.ShowConfigurationCommandsAsync());
    }

    private async Task<IReadOnlyList<string>> RuleLinesAsync(int rule) =>
        (await fixture.Router.ShowConfigurationCommandsAsync())
            .Where(line => line.StartsWith($"set nat destination rule {rule} ", StringComparison.Ordinal)).ToList();

    private async Task ExpectOkAsync(string path, object body)
    {
        var response = await fixture.AdminClient.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
