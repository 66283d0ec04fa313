using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests;

/// <summary>P1 through the real worker: authentication, roles, key management, migrations, health.</summary>
public sealed class AdminApiTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Anonymous_health_answers_the_status_only()
    {
        using var response = await fixture.Client.GetAsync("/v1/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["status"], body.EnumerateObject().Select(property => property.Name));
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_with_a_wrong_key_answers_the_status_only()
    {
        using var wrong = fixture.ClientWithKey("nfk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var response = await wrong.GetAsync("/v1/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["status"], body.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Health_with_a_key_checks_the_database_and_the_simulated_router()
    {
        var response = await fixture.AdminClient.GetAsync("/v1/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.Equal("not_configured", body.GetProperty("storage").GetString());
        Assert.Equal("ok", body.GetProperty("routers").GetProperty("local").GetString());
    }

    [Fact]
    public async Task A_vm_with_a_mac_on_a_router_without_dhcp_reports_its_mapping_as_not_configured()
    {
        // The fixture's router "local" has no DhcpSharedNetwork/DhcpSubnet: no static mapping is ever written there.
        var pool = await fixture.AdminClient.PostJsonAsync("/v1/admin/ip-pools", new { name = "no-dhcp", router = "local", cidr = "10.70.0.0/24", range_start = "10.70.0.10", range_end = "10.70.0.20" });
        Assert.Equal(HttpStatusCode.Created, pool.StatusCode);

        var provisioned = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "no-dhcp-vm", mac_address = "52:54:00:70:00:01", router = "local", ip_pool = "no-dhcp", ports = Array.Empty<string>() });
        var created = await provisioned.ReadJsonAsync();
        var read = await (await fixture.AdminClient.GetAsync("/v1/vms/no-dhcp-vm")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, provisioned.StatusCode);
        Assert.Equal("not_configured", created.GetProperty("dhcp_sync_state").GetString());
        Assert.Equal("not_configured", read.GetProperty("dhcp_sync_state").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("dhcp_last_error").ValueKind);
        Assert.Equal("applied", read.GetProperty("sync_state").GetString());
    }

    [Fact]
    public async Task An_admin_route_without_a_key_is_401_problem_json()
    {
        var response = await fixture.Client.GetAsync("/v1/admin/api-keys");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("correlation_id").GetString()));
    }

    [Fact]
    public async Task Unknown_and_malformed_keys_are_401()
    {
        using var malformed = fixture.ClientWithKey("not a key");
        using var unknown = fixture.ClientWithKey("nfk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await malformed.GetAsync("/v1/admin/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/v1/admin/api-keys")).StatusCode);
    }

    [Fact]
    public async Task A_created_reader_key_is_shown_once_works_for_reads_and_is_403_on_admin_routes()
    {
        var created = await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = "e2e-reader", role = "reader" });
        var body = await created.ReadJsonAsync();
        var secret = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetInt64();

        using var reader = fixture.ClientWithKey(secret);
        var adminRoute = await reader.GetAsync("/v1/admin/api-keys");
        var readRoute = await reader.GetAsync("/v1/vms");
        var listed = await (await fixture.AdminClient.GetAsync("/v1/admin/api-keys")).Content.ReadAsStringAsync();
        var single = await (await fixture.AdminClient.GetAsync($"/v1/admin/api-keys/{id}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("reader", body.GetProperty("role").GetString());
        Assert.StartsWith("nfk_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, adminRoute.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readRoute.StatusCode);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.Contains("e2e-reader", listed, StringComparison.Ordinal);
        Assert.False(single.TryGetProperty("key", out _));
        Assert.NotEqual(JsonValueKind.Null, single.GetProperty("last_used_at").ValueKind);
    }

    [Fact]
    public async Task A_revoked_key_is_401_and_a_deleted_key_is_gone()
    {
        var created = await (await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = "e2e-operator", role = "operator" })).ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();
        using var operatorClient = fixture.ClientWithKey(created.GetProperty("key").GetString()!);

        var revoke = await fixture.AdminClient.PatchAsync(
            $"/v1/admin/api-keys/{id}", new StringContent("""{"revoked":true}""", System.Text.Encoding.UTF8, "application/json"));
        var afterRevoke = await operatorClient.GetAsync("/v1/vms");
        var delete = await fixture.AdminClient.DeleteAsync($"/v1/admin/api-keys/{id}");
        var afterDelete = await fixture.AdminClient.GetAsync($"/v1/admin/api-keys/{id}");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Contains("revoked", (await afterRevoke.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Fact]
    public async Task Invalid_key_requests_are_400_with_field_errors_and_write_nothing()
    {
        var before = await (await fixture.AdminClient.GetAsync("/v1/admin/api-keys")).ReadJsonAsync();

        var badRole = await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = "x-key", role = "root" });
        var unknownProperty = await fixture.AdminClient.PostRawAsync("/v1/admin/api-keys", """{"name":"y-key","role":"reader","admin":true}""");
        var malformed = await fixture.AdminClient.PostRawAsync("/v1/admin/api-keys", """{"name":"z-key",""");
        var after = await (await fixture.AdminClient.GetAsync("/v1/admin/api-keys")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.True((await badRole.ReadJsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownProperty.StatusCode);
        Assert.True((await unknownProperty.ReadJsonAsync()).GetProperty("errors").TryGetProperty("admin", out _));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(before.GetProperty("items").GetArrayLength(), after.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Migrate_lists_applied_migrations_and_applies_nothing_twice()
    {
        var list = await fixture.AdminClient.GetAsync("/v1/admin/migrate");
        var listBody = await list.ReadJsonAsync();
        var apply = await fixture.AdminClient.PostAsync("/v1/admin/migrate", content: null);
        var applyBody = await apply.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("sqlite", listBody.GetProperty("provider").GetString());
        Assert.NotEqual(0, listBody.GetProperty("applied").GetArrayLength());
        Assert.Equal(0, listBody.GetProperty("pending").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Equal(0, applyBody.GetProperty("applied_now").GetArrayLength());
    }
}
