using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;
using NatFunctions.Infrastructure.Auth;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Auth;

/// <summary>Key administration and authentication against a real SQLite file.</summary>
public sealed class ApiKeyLifecycleTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_created_key_authenticates_with_its_role_and_only_its_hash_is_stored()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var repository = new EfApiKeyRepository(context);
        var administration = new ApiKeyAdministration(repository, clock);

        var created = await administration.CreateAsync(new NewApiKey("ci-pipeline", "operator", null), CancellationToken.None);
        var result = await Authenticator(repository).AuthenticateAsync(created.Value!.Secret, CancellationToken.None);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(new Caller("ci-pipeline", ApiRole.Operator, created.Value.Key.Prefix), result.Caller);
        await using var freshContext = database.CreateContext();
        var stored = Assert.Single(freshContext.ApiKeys);
        Assert.Equal(ApiKeySecret.ComputeHash(created.Value.Secret), stored.Hash);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, stored.LastUsedAt);
    }

    [Fact]
    public async Task Last_used_at_is_kept_to_the_minute_without_a_write_per_request()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var repository = new EfApiKeyRepository(context);
        var created = (await new ApiKeyAdministration(repository, clock).CreateAsync(new NewApiKey("poller", "reader", null), CancellationToken.None)).Value!;
        var authenticator = Authenticator(repository);
        var firstUse = clock.GetUtcNow().UtcDateTime;

        await authenticator.AuthenticateAsync(created.Secret, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(59));
        await authenticator.AuthenticateAsync(created.Secret, CancellationToken.None);
        var withinTheMinute = await LastUsedAtAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await authenticator.AuthenticateAsync(created.Secret, CancellationToken.None);

        Assert.Equal(firstUse, withinTheMinute);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, await LastUsedAtAsync());
    }

    [Fact]
    public async Task Unknown_revoked_and_expired_keys_are_refused_with_their_reason()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var repository = new EfApiKeyRepository(context);
        var administration = new ApiKeyAdministration(repository, clock);
        var authenticator = Authenticator(repository);
        var revoked = (await administration.CreateAsync(new NewApiKey("revoked", "reader", null), CancellationToken.None)).Value!;
        var expiring = (await administration.CreateAsync(
            new NewApiKey("expiring", "reader", clock.GetUtcNow().UtcDateTime.AddHours(1)), CancellationToken.None)).Value!;
        await administration.ChangeAsync(revoked.Key.Id, new ApiKeyChange(null, null, null, false, Revoked: true), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(AuthenticationOutcome.Missing, (await authenticator.AuthenticateAsync(null, CancellationToken.None)).Outcome);
        Assert.Equal(AuthenticationOutcome.Invalid, (await authenticator.AuthenticateAsync("garbage", CancellationToken.None)).Outcome);
        Assert.Equal(AuthenticationOutcome.Invalid, (await authenticator.AuthenticateAsync(ApiKeySecret.Generate().Text, CancellationToken.None)).Outcome);
        Assert.Equal(AuthenticationOutcome.Invalid, (await authenticator.AuthenticateAsync(revoked.Secret[..^1] + "x", CancellationToken.None)).Outcome);
        Assert.Equal(AuthenticationOutcome.Revoked, (await authenticator.AuthenticateAsync(revoked.Secret, CancellationToken.None)).Outcome);
        Assert.Equal(AuthenticationOutcome.Expired, (await authenticator.AuthenticateAsync(expiring.Secret, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Invalid_requests_change_nothing()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var administration = new ApiKeyAdministration(new EfApiKeyRepository(context), clock);

        var badName = await administration.CreateAsync(new NewApiKey("Bad Name'; --", "admin", null), CancellationToken.None);
        var badRole = await administration.CreateAsync(new NewApiKey("ok-name", "root", null), CancellationToken.None);
        var past = await administration.CreateAsync(new NewApiKey("ok-name", "admin", clock.GetUtcNow().UtcDateTime.AddDays(-1)), CancellationToken.None);

        Assert.Equal(ErrorKind.Validation, badName.Error!.Kind);
        Assert.Contains("name", badName.Error.FieldErrors!.Keys);
        Assert.Contains("role", badRole.Error!.FieldErrors!.Keys);
        Assert.Contains("expires_at", past.Error!.FieldErrors!.Keys);
        Assert.Empty(context.ApiKeys);
    }

    [Fact]
    public async Task Duplicate_names_conflict_and_deleted_keys_stop_working()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var repository = new EfApiKeyRepository(context);
        var administration = new ApiKeyAdministration(repository, clock);
        var first = (await administration.CreateAsync(new NewApiKey("ops", "admin", null), CancellationToken.None)).Value!;

        var duplicate = await administration.CreateAsync(new NewApiKey("ops", "reader", null), CancellationToken.None);
        var deleted = await administration.DeleteAsync(first.Key.Id, CancellationToken.None);
        var afterDelete = await Authenticator(repository).AuthenticateAsync(first.Secret, CancellationToken.None);

        Assert.Equal(ErrorKind.Conflict, duplicate.Error!.Kind);
        Assert.True(deleted.Value);
        Assert.Equal(AuthenticationOutcome.Invalid, afterDelete.Outcome);
    }

    public void Dispose() => database.Dispose();

    private async Task<DateTime?> LastUsedAtAsync()
    {
        await using var freshContext = database.CreateContext();
        return freshContext.ApiKeys.Single().LastUsedAt;
    }

    private ApiKeyAuthenticator Authenticator(IApiKeyRepository repository) =>
        new(repository, new BootstrapAdminKey(null), clock);
}
