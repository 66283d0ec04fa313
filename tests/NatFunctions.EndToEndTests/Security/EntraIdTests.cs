using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>Entra ID through App Service Authentication's client principal header, with the worker under LocalHost.</summary>
public sealed class EntraIdTests(EntraIdFixture fixture) : IClassFixture<EntraIdFixture>
{
    [Fact]
    public async Task Mapped_app_roles_grant_our_roles_and_the_highest_wins()
    {
        using var reader = fixture.ClientAs("rita@contoso.example", "NatFunctions.Reader");
        using var both = fixture.ClientAs("otto@contoso.example", "NatFunctions.Reader", "NatFunctions.Operator");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/vms")).StatusCode);
        await AssertProblemAsync(await reader.PostJsonAsync("/v1/vms/provision", new { vm_name = "entra-denied" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await both.GetAsync("/v1/admin/api-keys"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await both.PostJsonAsync("/v1/vms/entra-absent/ports/web", new { action = "delete" })).StatusCode);
    }

    [Fact]
    public async Task The_principal_name_is_the_actor_in_the_audit_and_the_logs()
    {
        using var admin = fixture.ClientAs("ada.admin@contoso.example", "NatFunctions.Admin");
        using var operatorClient = fixture.ClientAs("olivia.operator@contoso.example", "NatFunctions.Operator");

        var pool = await admin.PostJsonAsync("/v1/admin/ip-pools", new { name = "entra-lan", router = "local", cidr = "10.44.0.0/24", range_start = "10.44.0.10", range_end = "10.44.0.20" });
        var ports = await admin.PostJsonAsync("/v1/admin/port-pools", new { name = "entra-ext", router = "local", start_port = 41000, end_port = 41099 });
        var provision = await operatorClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "entra-vm", ports = new[] { "ssh" } });
        var changes = await (await admin.GetAsync("/v1/admin/changes")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, pool.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ports.StatusCode);
        Assert.Equal(HttpStatusCode.Created, provision.StatusCode);
        var actors = changes.GetProperty("items").EnumerateArray()
            .Where(change => change.GetProperty("commands").EnumerateArray().Any(command => command.GetString()!.Contains("entra-vm", StringComparison.Ordinal)))
            .Select(change => change.GetProperty("actor").GetString())
            .Distinct()
            .ToList();
        Assert.Equal(["olivia.operator@contoso.example"], actors);

        // A refusal is logged with the caller's name (the JSON log's "actor"); the principal itself is never printed.
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/v1/admin/api-keys")).StatusCode);
        await fixture.Host.WaitForOutputAsync("\"actor\":\"olivia.operator@contoso.example\"", TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.DoesNotContain(operatorClient.DefaultRequestHeaders.GetValues("X-MS-CLIENT-PRINCIPAL").Single(), fixture.Host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_principal_without_a_mapped_app_role_is_forbidden()
    {
        using var stranger = fixture.ClientAs("sam@contoso.example", "Some.Other.App.Role");

        var problem = await AssertProblemAsync(await stranger.GetAsync("/v1/vms"), HttpStatusCode.Forbidden);

        Assert.Contains("app roles", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("e30=")]
    [InlineData("W10=")]
    [InlineData("eyJjbGFpbXMiOlt7InR5cCI6Im5hbWUiLCJ2YWwiOjF9XX0=")]
    // A lone surrogate escape in the name or a role ("\ud800"): valid JSON, not valid text; was a 500.
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCIsImNsYWltcyI6W3sidHlwIjoibmFtZSIsInZhbCI6Im1hbGxvcnlcdWQ4MDAifSx7InR5cCI6InJvbGVzIiwidmFsIjoiTmF0RnVuY3Rpb25zLkFkbWluIn1dfQ==")]
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCIsImNsYWltcyI6W3sidHlwIjoibmFtZSIsInZhbCI6Im1hbGxvcnkifSx7InR5cCI6InJvbGVzIiwidmFsIjoiTmF0RnVuY3Rpb25zLkFkbWluXHVkYzAwIn1dfQ==")]
    // An admin app role from another identity provider (auth_typ google) or from none.
    [InlineData("eyJhdXRoX3R5cCI6Imdvb2dsZSIsImNsYWltcyI6W3sidHlwIjoibmFtZSIsInZhbCI6Im1hbGxvcnkifSx7InR5cCI6InJvbGVzIiwidmFsIjoiTmF0RnVuY3Rpb25zLkFkbWluIn1dfQ==")]
    [InlineData("eyJjbGFpbXMiOlt7InR5cCI6Im5hbWUiLCJ2YWwiOiJtYWxsb3J5In0seyJ0eXAiOiJyb2xlcyIsInZhbCI6Ik5hdEZ1bmN0aW9ucy5BZG1pbiJ9XX0=")]
    public async Task A_malformed_principal_is_401_problem_json(string header)
    {
        using var client = fixture.ClientWithPrincipal(header);

        await AssertProblemAsync(await client.GetAsync("/v1/vms"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_principal_header_sent_twice_is_refused()
    {
        var header = EntraIdFixture.Principal([(EntraIdFixture.NameClaimType, "twice"), ("roles", "NatFunctions.Admin")]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/vms");
        request.Headers.TryAddWithoutValidation("X-MS-CLIENT-PRINCIPAL", [header, header]);

        await AssertProblemAsync(await fixture.Client.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_key_still_works_and_wins_over_a_principal()
    {
        var created = await (await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = "entra-side-reader", role = "reader" })).ReadJsonAsync();
        using var readerWithAdminPrincipal = fixture.ClientAs("ada.admin@contoso.example", "NatFunctions.Admin");
        readerWithAdminPrincipal.DefaultRequestHeaders.Add("X-API-Key", created.GetProperty("key").GetString());

        Assert.Equal(HttpStatusCode.OK, (await readerWithAdminPrincipal.GetAsync("/v1/vms")).StatusCode);
        await AssertProblemAsync(await readerWithAdminPrincipal.GetAsync("/v1/admin/api-keys"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_role_in_the_role_map_stops_the_app_at_startup()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(fixture.ScratchDirectory, "refused.db")}",
            ["Routers__local__Transport"] = "simulated",
            ["Routers__local__StateDir"] = Path.Combine(fixture.ScratchDirectory, "router-refused"),
            ["Auth__EntraId__Enabled"] = "true",
            ["Auth__EntraId__RoleMap__NatFunctions.Admin"] = "superuser",
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostProcess.StartAsync(
            environment, Path.Combine(fixture.ScratchDirectory, "local.settings.json"), LocalHostProcess.DefaultReadyTimeout, CancellationToken.None));

        Assert.Contains("Auth:EntraId:RoleMap:NatFunctions.Admin must be admin, operator or reader", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entra_id_without_app_service_authentication_on_stops_the_app_at_startup()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(fixture.ScratchDirectory, "no-platform-auth.db")}",
            ["Routers__local__Transport"] = "simulated",
            ["Routers__local__StateDir"] = Path.Combine(fixture.ScratchDirectory, "router-no-platform-auth"),
            ["Auth__EntraId__Enabled"] = "true",
            ["Auth__EntraId__RoleMap__NatFunctions.Admin"] = "admin",
            ["WEBSITE_AUTH_ENABLED"] = "False",
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostProcess.StartAsync(
            environment, Path.Combine(fixture.ScratchDirectory, "local.settings.json"), LocalHostProcess.DefaultReadyTimeout, CancellationToken.None));

        Assert.Contains("Auth:EntraId:Enabled is true but App Service Authentication is not on (WEBSITE_AUTH_ENABLED is not True)", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }
}
