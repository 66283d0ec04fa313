using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// Every port action through the real worker and applier, checked against the exact NAT lines on the simulated
/// router; plus exhaustion, fields that do not apply, clearing fields, VM paging and conditional GET.
/// </summary>
public sealed class PortActionTests(PortActionFixture fixture) : IClassFixture<PortActionFixture>
{
    private const string Lan = "192.168.64.";

    [Fact]
    public async Task A_vm_never_gets_more_than_64_forwards_through_the_port_endpoints_either()
    {
        var forwards = Enumerable.Range(0, 64).Select(i => new { port_name = $"f{i}", internal_port = 1000 + i }).ToArray();
        await ProvisionAsync(new { vm_name = "cap-64", router = "local", ports = Array.Empty<string>(), forwards });

        using var custom = await fixture.AdminClient.PostJsonAsync("/v1/vms/cap-64/ports/one-more", new { action = "create", internal_port = 2000 });
        using var template = await fixture.AdminClient.PostJsonAsync("/v1/vms/cap-64/ports/template", new { action = "create", ports = new[] { "ssh" } });
        var problem = await custom.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, custom.StatusCode);
        Assert.Equal("application/problem+json", custom.Content.Headers.ContentType?.MediaType);
        Assert.Contains("64", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, template.StatusCode);
        var vm = await (await fixture.AdminClient.GetAsync("/v1/vms/cap-64")).ReadJsonAsync();
        Assert.Equal(64, vm.GetProperty("forwards").GetArrayLength());

        // Deleting one makes room for one.
        Assert.True((await fixture.AdminClient.PostJsonAsync("/v1/vms/cap-64/ports/f0", new { action = "delete" })).IsSuccessStatusCode);
        using var afterDelete = await fixture.AdminClient.PostJsonAsync("/v1/vms/cap-64/ports/one-more", new { action = "create", internal_port = 2000 });
        Assert.True(afterDelete.IsSuccessStatusCode, $"{(int)afterDelete.StatusCode} {await afterDelete.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Template_create_delete_pause_enable_and_disable_put_exactly_the_expected_rules_on_the_router()
    {
        var vm = await ProvisionAsync(new { vm_name = "tpl-01", router = "local", ports = new[] { "ssh" } });
        var ip = vm.GetProperty("internal_ip").GetString()!;
        Assert.StartsWith(Lan, ip, StringComparison.Ordinal);

        var created = await PostOkAsync("/v1/vms/tpl-01/ports/template", new { action = "create", custom_description = "added", protocol = "udp" });
        var ssh = Forward(created, "ssh");
        var http = Forward(created, "http");
        var https = Forward(created, "https");
        var all = new[] { ssh, http, https };
        var original = Rules(ssh, "tpl-01", ip).Concat(Rules(http, "tpl-01", ip)).Concat(Rules(https, "tpl-01", ip)).ToList();
        Assert.Equal(("tcp", 22, null), (ssh.Protocol, ssh.InternalPort, ssh.Description));
        Assert.Equal(("udp", 80, "added"), (http.Protocol, http.InternalPort, http.Description));
        Assert.Equal(("udp", 443, "added"), (https.Protocol, https.InternalPort, https.Description));
        Assert.Equal(Sorted(original), await RouterRulesAsync(all));

        await PostOkAsync("/v1/vms/tpl-01/ports/template", new { action = "pause", ports = new[] { "ssh", "http" } });
        Assert.Equal(
            Sorted(Rules(ssh, "tpl-01", ip, disabled: true).Concat(Rules(http, "tpl-01", ip, disabled: true)).Concat(Rules(https, "tpl-01", ip))),
            await RouterRulesAsync(all));

        await PostOkAsync("/v1/vms/tpl-01/ports/template", new { action = "enable" });
        Assert.Equal(Sorted(original), await RouterRulesAsync(all));

        await PostOkAsync("/v1/vms/tpl-01/ports/template", new { action = "disable", ports = new[] { "https" } });
        Assert.Equal(
            Sorted(Rules(ssh, "tpl-01", ip).Concat(Rules(http, "tpl-01", ip)).Concat(Rules(https, "tpl-01", ip, disabled: true))),
            await RouterRulesAsync(all));

        // create on an existing, disabled template forward re-enables it and allocates nothing new.
        var reenabled = await PostOkAsync("/v1/vms/tpl-01/ports/template", new { action = "create", ports = new[] { "https" } });
        Assert.Equal(https, Forward(reenabled, "https"));
        Assert.Equal(Sorted(original), await RouterRulesAsync(all));

        await PostOkAsync("/v1/vms/tpl-01/ports/template", new { action = "delete", ports = new[] { "http" } });
        Assert.Equal(Sorted(Rules(ssh, "tpl-01", ip).Concat(Rules(https, "tpl-01", ip))), await RouterRulesAsync(all));

        var emptied = await PostOkAsync("/v1/vms/tpl-01/ports/template", new { action = "delete" });
        Assert.Empty(emptied.GetProperty("forwards").EnumerateArray());
        Assert.Empty(await RouterRulesAsync(all));
    }

    [Fact]
    public async Task Single_forward_actions_put_exactly_the_expected_rule_on_the_router_and_null_clears_a_field()
    {
        var ip = (await ProvisionAsync(new { vm_name = "one-01", router = "local", ports = Array.Empty<string>() })).GetProperty("internal_ip").GetString()!;

        var api = Forward(await PostOkAsync("/v1/vms/one-01/ports/api", new
        {
            action = "create", internal_port = 8080, protocol = "tcp_udp", source_ip = "203.0.113.0/24", custom_description = "api v1",
        }), "api");
        Assert.Equal(("tcp_udp", 8080, "203.0.113.0/24", "api v1"), (api.Protocol, api.InternalPort, api.SourceIp, api.Description));
        Assert.Equal(Sorted(Rules(api, "one-01", ip)), await RouterRulesAsync(api));

        foreach (var (action, disabled) in new[] { ("pause", true), ("enable", false), ("disable", true), ("enable", false) })
        {
            await PostOkAsync("/v1/vms/one-01/ports/api", new { action });
            Assert.Equal(Sorted(Rules(api, "one-01", ip, disabled)), await RouterRulesAsync(api));
        }

        var updated = Forward(await PostOkAsync("/v1/vms/one-01/ports/api", new { action = "update", source_ip = "198.51.100.7", custom_description = "api v2" }), "api");
        Assert.Equal(api with { SourceIp = "198.51.100.7", Description = "api v2" }, updated);
        Assert.Equal(Sorted(Rules(updated, "one-01", ip)), await RouterRulesAsync(api));

        var cleared = Forward(await PostOkAsync("/v1/vms/one-01/ports/api", new { action = "update", source_ip = (string?)null, custom_description = (string?)null }), "api");
        Assert.Equal(api with { SourceIp = null, Description = null }, cleared);
        Assert.Equal(Sorted(Rules(cleared, "one-01", ip)), await RouterRulesAsync(api));
        Assert.Contains($"set nat destination rule {api.Rule} description 'nf:one-01:api'", await RouterRulesAsync(api));

        var empty = await fixture.AdminClient.PostJsonAsync("/v1/vms/one-01/ports/api", new { action = "update", custom_description = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["custom_description"], ErrorFields(await empty.ReadJsonAsync()));

        await PostOkAsync("/v1/vms/one-01/ports/api", new { action = "delete" });
        Assert.Empty(await RouterRulesAsync(api));
        var gone = await fixture.AdminClient.PostJsonAsync("/v1/vms/one-01/ports/api", new { action = "pause" });
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task An_explicit_external_port_is_used_when_free_409_when_taken_and_400_outside_the_pools()
    {
        var ip = (await ProvisionAsync(new { vm_name = "ext-01", router = "local", ports = Array.Empty<string>() })).GetProperty("internal_ip").GetString()!;

        var chosen = Forward(await PostOkAsync("/v1/vms/ext-01/ports/game", new { action = "create", internal_port = 27015, external_port = 33500, protocol = "udp" }), "game");
        Assert.Equal(33500, chosen.ExternalPort);
        Assert.Equal(Sorted(Rules(chosen, "ext-01", ip)), await RouterRulesAsync(chosen));
        var routerBefore = await fixture.Router.ShowConfigurationCommandsAsync();

        var taken = await fixture.AdminClient.PostJsonAsync("/v1/vms/ext-01/ports/game2", new { action = "create", internal_port = 27016, external_port = 33500 });
        var outside = await fixture.AdminClient.PostJsonAsync("/v1/vms/ext-01/ports/game3", new { action = "create", internal_port = 27017, external_port = 40000 });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("external_port:33500", (await taken.ReadJsonAsync()).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(["external_port"], ErrorFields(await outside.ReadJsonAsync()));
        Assert.Equal(["game"], await PortNamesAsync("ext-01"));
        Assert.Equal(routerBefore, await fixture.Router.ShowConfigurationCommandsAsync());
    }

    [Theory]
    [InlineData("/v1/vms/val-01/ports/api", """{"action":"pause","external_port":32001}""", "external_port")]
    [InlineData("/v1/vms/val-01/ports/api", """{"action":"delete","internal_port":8080}""", "internal_port")]
    [InlineData("/v1/vms/val-01/ports/api", """{"action":"enable","source_ip":"203.0.113.9"}""", "source_ip")]
    [InlineData("/v1/vms/val-01/ports/api", """{"action":"update","protocol":"udp","external_port":32001}""", "external_port")]
    [InlineData("/v1/vms/val-01/ports/ssh", """{"action":"create","internal_port":2222}""", "internal_port")]
    [InlineData("/v1/vms/val-01/ports/template", """{"action":"disable","protocol":"udp"}""", "protocol")]
    [InlineData("/v1/vms/val-01/ports/template", """{"action":"create","external_port":32001}""", "external_port")]
    [InlineData("/v1/vms/val-01/ports/api", """{"action":"update","source_ip":""}""", "source_ip")]
    [InlineData("/v1/vms/val-01/ports/api", """{"action":"update","source_ip":5}""", "source_ip")]
    [InlineData("/v1/vms/provision", """{"vm_name":"val-02","forwards":[{"port_name":"template","internal_port":80}]}""", "forwards[0].port_name")]
    public async Task A_field_that_does_not_apply_or_a_reserved_name_is_400_naming_the_field(string path, string body, string field)
    {
        await EnsureVmAsync("val-01");
        var routerBefore = await fixture.Router.ShowConfigurationCommandsAsync();

        var response = await fixture.AdminClient.PostRawAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], ErrorFields(await response.ReadJsonAsync()));
        Assert.Equal(routerBefore, await fixture.Router.ShowConfigurationCommandsAsync());
    }

    [Fact]
    public async Task A_forward_the_router_refused_earlier_does_not_make_later_actions_on_the_vm_fail()
    {
        // Provisioned while the router is down (202), then refused by the router on the next sync: ssh stays failed.
        await fixture.Router.SetFaultsAsync("""{"dropAfterCommands":0}""");
        try
        {
            var pending = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "poison-01", router = "local", ports = new[] { "ssh" } });
            Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
            await fixture.Router.SetFaultsAsync("""{"failCommit":"Destination NAT configuration error: simulated refusal"}""");
            await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?router=local", content: null);
        }
        finally
        {
            await fixture.Router.SetFaultsAsync(null);
        }

        var before = await (await fixture.AdminClient.GetAsync("/v1/vms/poison-01")).ReadJsonAsync();
        Assert.Equal("failed", Forward(before, "ssh").SyncState);
        var ip = before.GetProperty("internal_ip").GetString()!;

        var create = await fixture.AdminClient.PostJsonAsync("/v1/vms/poison-01/ports/api", new { action = "create", internal_port = 8080 });
        var created = await create.ReadJsonAsync();
        Assert.True(create.StatusCode == HttpStatusCode.OK, await create.Content.ReadAsStringAsync());
        var api = Forward(created, "api");
        Assert.Equal("applied", api.SyncState);
        Assert.Equal(Sorted(Rules(api, "poison-01", ip)), await RouterRulesAsync(api));

        await PostOkAsync("/v1/vms/poison-01/ports/api", new { action = "pause" });
        Assert.Equal(Sorted(Rules(api, "poison-01", ip, disabled: true)), await RouterRulesAsync(api));
        var after = await (await fixture.AdminClient.GetAsync("/v1/vms/poison-01")).ReadJsonAsync();
        Assert.Equal(("failed", "applied"), (Forward(after, "ssh").SyncState, Forward(after, "api").SyncState));
    }

    [Fact]
    public async Task An_exhausted_port_pool_is_507_for_provisioning_and_port_creation_and_the_router_is_untouched()
    {
        var full = await ProvisionAsync(new { vm_name = "full-01", router = PortActionFixture.SmallRouterName, ports = new[] { "ssh", "http" } });
        Assert.Equal([34000, 34001], full.GetProperty("forwards").EnumerateArray().Select(f => f.GetProperty("external_port").GetInt32()).Order());
        var routerBefore = await fixture.SmallRouter.ShowConfigurationCommandsAsync();

        var template = await fixture.AdminClient.PostJsonAsync("/v1/vms/full-01/ports/template", new { action = "create", ports = new[] { "https" } });
        var single = await fixture.AdminClient.PostJsonAsync("/v1/vms/full-01/ports/api", new { action = "create", internal_port = 8080 });
        var provision = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "full-02", router = PortActionFixture.SmallRouterName, ports = new[] { "ssh" } });

        foreach (var response in new[] { template, single, provision })
        {
            Assert.Equal((HttpStatusCode)507, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"port_pools:{PortActionFixture.SmallRouterName}", (await response.ReadJsonAsync()).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()));
        }

        Assert.Equal(["http", "ssh"], await PortNamesAsync("full-01"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.AdminClient.GetAsync("/v1/vms/full-02")).StatusCode);
        Assert.Equal(routerBefore, await fixture.SmallRouter.ShowConfigurationCommandsAsync());
    }

    [Fact]
    public async Task Walking_the_cursor_returns_every_vm_exactly_once_and_router_filters()
    {
        foreach (var name in new[] { "page-a1", "page-a2", "page-a3", "page-a4", "page-a5" })
        {
            await EnsureVmAsync(name);
        }

        foreach (var name in new[] { "page-b1", "page-b2", "page-b3" })
        {
            await ProvisionAsync(new { vm_name = name, router = PortActionFixture.SmallRouterName, ports = Array.Empty<string>() });
        }

        var everything = await WalkAsync(null, pageSize: 500);
        var walked = await WalkAsync(null, pageSize: 2);
        var small = await WalkAsync(PortActionFixture.SmallRouterName, pageSize: 2);
        var local = await WalkAsync("local", pageSize: 3);

        Assert.Equal(everything.Select(v => v.Name), walked.Select(v => v.Name));
        Assert.Equal(walked.Count, walked.Select(v => v.Name).Distinct().Count());
        Assert.Equal(walked.Select(v => v.Name).Order(StringComparer.Ordinal), walked.Select(v => v.Name));
        Assert.Superset(new[] { "page-a1", "page-a5", "page-b1", "page-b3" }.ToHashSet(), walked.Select(v => v.Name).ToHashSet());
        Assert.All(small, v => Assert.Equal(PortActionFixture.SmallRouterName, v.Router));
        Assert.All(local, v => Assert.Equal("local", v.Router));
        Assert.Equal(walked.Select(v => v.Name).Order(StringComparer.Ordinal), small.Concat(local).Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.Contains(small, v => v.Name == "page-b2");
        Assert.DoesNotContain(small, v => v.Name == "page-a2");
    }

    [Fact]
    public async Task If_none_match_accepts_a_list_and_weak_tags()
    {
        await EnsureVmAsync("etag-01");
        var first = await fixture.AdminClient.GetAsync("/v1/vms/etag-01");
        var etag = first.Headers.ETag!.Tag;

        foreach (var header in new[] { $"\"stale\", {etag}", $"W/{etag}", "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/vms/etag-01");
            request.Headers.TryAddWithoutValidation("If-None-Match", header);
            using var response = await fixture.AdminClient.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotModified, $"{header}: {(int)response.StatusCode}");
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/v1/vms/etag-01");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"", isWeak: true));
        Assert.Equal(HttpStatusCode.OK, (await fixture.AdminClient.SendAsync(stale)).StatusCode);
    }

    private async Task<List<(string Name, string Router)>> WalkAsync(string? router, int pageSize)
    {
        var items = new List<(string, string)>();
        string? cursor = null;
        for (var page = 0; page < 1000; page++)
        {
            var query = $"/v1/vms?page_size={pageSize}" + (router is null ? "" : $"&router={router}") + (cursor is null ? "" : $"&cursor={cursor}");
            var response = await fixture.AdminClient.GetAsync(query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            var batch = body.GetProperty("items").EnumerateArray().Select(v => (v.GetProperty("machine_id").GetString()!, v.GetProperty("router").GetString()!)).ToList();
            Assert.InRange(batch.Count, 0, pageSize);
            items.AddRange(batch);
            cursor = body.GetProperty("next_cursor").ValueKind == JsonValueKind.String ? body.GetProperty("next_cursor").GetString() : null;
            if (cursor is null)
            {
                return items;
            }
        }

        throw new InvalidOperationException("The cursor never ended.");
    }

    private async Task EnsureVmAsync(string name)
    {
        if ((await fixture.AdminClient.GetAsync($"/v1/vms/{name}")).StatusCode == HttpStatusCode.NotFound)
        {
            await ProvisionAsync(new { vm_name = name, router = "local", ports = Array.Empty<string>() });
        }
    }

    private async Task<JsonElement> ProvisionAsync(object body)
    {
        var response = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"provision: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> PostOkAsync(string path, object body)
    {
        var response = await fixture.AdminClient.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<List<string>> PortNamesAsync(string machineId)
    {
        var vm = await (await fixture.AdminClient.GetAsync($"/v1/vms/{machineId}")).ReadJsonAsync();
        return [.. vm.GetProperty("forwards").EnumerateArray().Select(f => f.GetProperty("port_name").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static List<string> ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    private static ForwardValues Forward(JsonElement vm, string portName)
    {
        var f = vm.GetProperty("forwards").EnumerateArray().Single(f => f.GetProperty("port_name").GetString() == portName);
        static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new ForwardValues(
            portName,
            f.GetProperty("nat_rule_number").GetInt32(),
            f.GetProperty("external_port").GetInt32(),
            f.GetProperty("internal_port").GetInt32(),
            f.GetProperty("protocol").GetString()!,
            Text(f, "source_ip"),
            Text(f, "custom_description"),
            f.GetProperty("sync_state").GetString()!);
    }

    /// <summary>The lines VyOS 1.4 shows for one of our rules (product-spec §4, rendering).</summary>
    private static IEnumerable<string> Rules(ForwardValues f, string machineId, string ip, bool disabled = false)
    {
        var prefix = $"set nat destination rule {f.Rule} ";
        yield return prefix + $"description 'nf:{machineId}:{f.PortName}{(f.Description is null ? "" : " " + f.Description)}'";
        yield return prefix + $"destination port '{f.ExternalPort}'";
        if (disabled)
        {
            yield return prefix + "disable";
        }

        yield return prefix + "inbound-interface name 'eth0'";
        yield return prefix + $"protocol '{f.Protocol}'";
        if (f.SourceIp is not null)
        {
            yield return prefix + $"source address '{f.SourceIp}'";
        }

        yield return prefix + $"translation address '{ip}'";
        yield return prefix + $"translation port '{f.InternalPort}'";
    }

    private static List<string> Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];

    private async Task<List<string>> RouterRulesAsync(params ForwardValues[] forwards)
    {
        var prefixes = forwards.Select(f => $"set nat destination rule {f.Rule} ").ToList();
        var lines = await fixture.Router.ShowConfigurationCommandsAsync();
        return Sorted(lines.Where(line => prefixes.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal))));
    }

    private sealed record ForwardValues(
        string PortName, int Rule, int ExternalPort, int InternalPort, string Protocol, string? SourceIp, string? Description, string SyncState);
}
