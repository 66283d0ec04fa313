using NatFunctions.Core.Idempotency;
using NatFunctions.Infrastructure.Idempotency;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Idempotency;

/// <summary>The idempotency record semantics on a real (SQLite) database: claim, replay, reuse, expiry, takeover, races.</summary>
public sealed class EfIdempotencyStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly IdempotencyScope Scope = new("abcdefghijkl", "provision-1", new string('a', 64));

    private readonly SqliteTestDatabase database = new();
    private readonly ManualClock clock = new(Start);
    private readonly List<NatFunctionsDbContext> contexts = [];

    public async Task InitializeAsync() => await (await database.CreateMigratedContextAsync()).DisposeAsync();

    public Task DisposeAsync() => Task.WhenAll(contexts.Select(context => context.DisposeAsync().AsTask()));

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task The_first_request_claims_a_free_key()
    {
        var result = await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);

        Assert.Equal(IdempotencyClaimKind.Claimed, result.Kind);
        Assert.NotNull(result.Claim);
    }

    [Fact]
    public async Task The_same_request_while_the_first_runs_is_in_progress_and_a_different_one_is_key_reuse()
    {
        await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);

        var same = await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);
        var different = await Store().TryClaimAsync(Scope with { RequestHash = new string('b', 64) }, Now, Lease, CancellationToken.None);

        Assert.Equal(IdempotencyClaimKind.InProgress, same.Kind);
        Assert.Equal(IdempotencyClaimKind.KeyReused, different.Kind);
    }

    [Fact]
    public async Task A_completed_request_is_replayed_with_its_status_and_body()
    {
        var claim = (await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None)).Claim!;
        var completed = await Store().CompleteAsync(claim, new StoredResponse(201, """{"machine_id":"web-1"}"""), Now + IdempotencyPolicy.Retention, CancellationToken.None);

        var again = await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);
        var different = await Store().TryClaimAsync(Scope with { RequestHash = new string('b', 64) }, Now, Lease, CancellationToken.None);

        Assert.True(completed);
        Assert.Equal(IdempotencyClaimKind.Replay, again.Kind);
        Assert.Equal(new StoredResponse(201, """{"machine_id":"web-1"}"""), again.Stored);
        Assert.Equal(IdempotencyClaimKind.KeyReused, different.Kind);
    }

    [Fact]
    public async Task Keys_of_different_api_keys_do_not_meet()
    {
        await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);

        var other = await Store().TryClaimAsync(Scope with { ApiKeyPrefix = "mnopqrstuvwx" }, Now, Lease, CancellationToken.None);

        Assert.Equal(IdempotencyClaimKind.Claimed, other.Kind);
    }

    [Fact]
    public async Task A_released_key_can_be_claimed_again()
    {
        var claim = (await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None)).Claim!;
        await Store().ReleaseAsync(claim, CancellationToken.None);

        var again = await Store().TryClaimAsync(Scope with { RequestHash = new string('b', 64) }, Now, Lease, CancellationToken.None);

        Assert.Equal(IdempotencyClaimKind.Claimed, again.Kind);
    }

    [Fact]
    public async Task An_answer_past_its_retention_is_forgotten_and_the_key_runs_anew()
    {
        var claim = (await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None)).Claim!;
        await Store().CompleteAsync(claim, new StoredResponse(201, "{}"), Now + IdempotencyPolicy.Retention, CancellationToken.None);

        clock.Advance(IdempotencyPolicy.Retention - TimeSpan.FromSeconds(1));
        var justBefore = await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Store().TryClaimAsync(Scope with { RequestHash = new string('b', 64) }, Now, Lease, CancellationToken.None);

        Assert.Equal(IdempotencyClaimKind.Replay, justBefore.Kind);
        Assert.Equal(IdempotencyClaimKind.Claimed, after.Kind);
    }

    [Fact]
    public async Task An_abandoned_claim_is_taken_over_after_its_lease_and_its_owner_can_no_longer_write()
    {
        var abandoned = (await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None)).Claim!;

        clock.Advance(IdempotencyPolicy.InProgressLeaseFor(TimeSpan.FromSeconds(30)));
        var takeover = await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);
        var lateCompletion = await Store().CompleteAsync(abandoned, new StoredResponse(201, "late"), Now + IdempotencyPolicy.Retention, CancellationToken.None);
        await Store().ReleaseAsync(abandoned, CancellationToken.None);
        var meanwhile = await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None);

        Assert.Equal(IdempotencyClaimKind.Claimed, takeover.Kind);
        Assert.Equal(abandoned.RecordId, takeover.Claim!.RecordId);
        Assert.False(lateCompletion);
        Assert.Equal(IdempotencyClaimKind.InProgress, meanwhile.Kind);
    }

    [Fact]
    public async Task Purge_deletes_expired_answers_and_claims_only()
    {
        var finished = (await Store().TryClaimAsync(Scope, Now, Lease, CancellationToken.None)).Claim!;
        await Store().CompleteAsync(finished, new StoredResponse(200, "{}"), Now + TimeSpan.FromHours(1), CancellationToken.None);
        await Store().TryClaimAsync(Scope with { Key = "running" }, Now, Now + TimeSpan.FromHours(3), CancellationToken.None);

        var purged = await Store().PurgeExpiredAsync(Now + TimeSpan.FromHours(2), CancellationToken.None);
        var running = await Store().TryClaimAsync(Scope with { Key = "running" }, Now, Lease, CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Equal(IdempotencyClaimKind.InProgress, running.Kind);
    }

    [Fact]
    public async Task Of_many_simultaneous_requests_exactly_one_claims_the_key()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Store()).ToList();

        var results = await Task.WhenAll(stores.Select(store => Task.Run(() => store.TryClaimAsync(Scope, Now, Lease, CancellationToken.None))));

        Assert.Single(results, result => result.Kind == IdempotencyClaimKind.Claimed);
        Assert.All(results.Where(result => result.Kind != IdempotencyClaimKind.Claimed), result => Assert.Equal(IdempotencyClaimKind.InProgress, result.Kind));
    }

    [Fact]
    public async Task The_store_leaves_nothing_tracked_in_the_shared_context()
    {
        var context = Context();
        var store = new EfIdempotencyStore(context, clock);

        var claim = (await store.TryClaimAsync(Scope, Now, Lease, CancellationToken.None)).Claim!;
        await store.CompleteAsync(claim, new StoredResponse(201, "{}"), Now + IdempotencyPolicy.Retention, CancellationToken.None);

        Assert.Empty(context.ChangeTracker.Entries());
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateTime Lease => Now + IdempotencyPolicy.InProgressLeaseFor(TimeSpan.FromSeconds(30));

    private NatFunctionsDbContext Context()
    {
        var context = database.CreateContext(clock);
        contexts.Add(context);
        return context;
    }

    // A store per call, each with its own context, like two requests on two instances.
    private EfIdempotencyStore Store() => new(Context(), clock);
}
