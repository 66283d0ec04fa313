using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Foundation;

/// <summary>P1 deliverable 4 on the path a deployment really takes: nothing is applied until the pipeline asks.</summary>
public sealed class DeploymentMigrationTests(UnmigratedDatabaseFixture fixture) : IClassFixture<UnmigratedDatabaseFixture>
{
    [Fact]
    public async Task Migrate_applies_every_pending_migration_of_an_empty_database_once()
    {
        using var before = await fixture.AdminClient.GetAsync("/v1/admin/migrate");
        var beforeBody = await before.ReadJsonAsync();
        var pendingBefore = Names(beforeBody.GetProperty("pending"));

        using var apply = await fixture.AdminClient.PostAsync("/v1/admin/migrate", content: null);
        var applyBody = await apply.ReadJsonAsync();

        using var after = await fixture.AdminClient.GetAsync("/v1/admin/migrate");
        var afterBody = await after.ReadJsonAsync();

        using var again = await fixture.AdminClient.PostAsync("/v1/admin/migrate", content: null);
        var againBody = await again.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Empty(Names(beforeBody.GetProperty("applied")));
        Assert.Contains(pendingBefore, name => name.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.True(pendingBefore.Count >= 2, $"expected the whole migration history pending, got {string.Join(", ", pendingBefore)}");

        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Equal(pendingBefore, Names(applyBody.GetProperty("applied_now")));

        Assert.Equal(pendingBefore, Names(afterBody.GetProperty("applied")));
        Assert.Empty(Names(afterBody.GetProperty("pending")));
        Assert.Empty(Names(againBody.GetProperty("applied_now")));

        // The schema is really there: a use case that writes rows now works.
        using var created = await fixture.AdminClient.PostJsonAsync("/v1/admin/port-pools", new { name = "after-migrate", router = "local", start_port = 40000, end_port = 40010 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static List<string> Names(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();
}
