using NatFunctions.Core.Idempotency;
using NatFunctions.Core.Provisioning;
using NatFunctions.Infrastructure.Idempotency;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Idempotency;

/// <summary>The idempotent run of a write over the real store: once, replayed, refused, and retried when not final.</summary>
public sealed class IdempotentExecutionTests : IAsyncLifetime, IDisposable
{
    private static readonly WriteWaitSettings DefaultWait = new(TimeSpan.FromSeconds(30));
    private static readonly IdempotencyScope Scope = new("abcdefghijkl", "write-1", new string('a', 64));

    private readonly SqliteTestDatabase database = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly List<NatFunctionsDbContext> contexts = [];
    private int runs;

    public async Task InitializeAsync() => await (await database.CreateMigratedContextAsync()).DisposeAsync();

    public Task DisposeAsync() => Task.WhenAll(contexts.Select(context => context.DisposeAsync().AsTask()));

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_write_runs_once_and_its_repeat_gets_the_stored_answer()
    {
        var first = await RunAsync(Scope, new StoredResponse(201, "created"));
        var second = await RunAsync(Scope, new StoredResponse(201, "should not run"));

        Assert.Equal(IdempotentOutcomeKind.Executed, first.Kind);
        Assert.Equal(new StoredResponse(201, "created"), first.Result);
        Assert.Equal(IdempotentOutcomeKind.Replayed, second.Kind);
        Assert.Equal(new StoredResponse(201, "created"), second.Replayed);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task The_same_key_on_a_different_request_does_not_run()
    {
        await RunAsync(Scope, new StoredResponse(201, "created"));

        var reused = await RunAsync(Scope with { RequestHash = new string('b', 64) }, new StoredResponse(201, "other"));

        Assert.Equal(IdempotentOutcomeKind.KeyReused, reused.Kind);
        Assert.Equal(1, runs);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task An_answer_that_says_try_again_is_not_stored_so_the_retry_runs(int status)
    {
        var first = await RunAsync(Scope, new StoredResponse(status, "later"));
        var second = await RunAsync(Scope, new StoredResponse(201, "created"));

        Assert.Equal(IdempotentOutcomeKind.Executed, first.Kind);
        Assert.Equal(IdempotentOutcomeKind.Executed, second.Kind);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_client_error_is_final_and_replayed()
    {
        await RunAsync(Scope, new StoredResponse(409, "duplicate"));

        var again = await RunAsync(Scope, new StoredResponse(201, "created"));

        Assert.Equal(IdempotentOutcomeKind.Replayed, again.Kind);
        Assert.Equal(409, again.Replayed!.StatusCode);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_write_that_throws_gives_the_key_back()
    {
        var execution = new IdempotentExecution(Store(), clock, DefaultWait);
        await Assert.ThrowsAsync<InvalidOperationException>(() => execution.RunAsync<StoredResponse>(
            Scope, _ => throw new InvalidOperationException("boom"), (response, _) => Task.FromResult<StoredResponse?>(response), CancellationToken.None));

        var retry = await RunAsync(Scope, new StoredResponse(201, "created"));

        Assert.Equal(IdempotentOutcomeKind.Executed, retry.Kind);
    }

    [Fact]
    public async Task A_result_that_cannot_be_captured_is_not_stored()
    {
        var execution = new IdempotentExecution(Store(), clock, DefaultWait);
        await execution.RunAsync(Scope, _ => Task.FromResult("opaque"), (_, _) => Task.FromResult<StoredResponse?>(null), CancellationToken.None);

        var retry = await RunAsync(Scope, new StoredResponse(201, "created"));

        Assert.Equal(IdempotentOutcomeKind.Executed, retry.Kind);
    }

    [Fact]
    public async Task A_second_request_while_the_first_runs_is_told_it_is_in_progress()
    {
        var release = new TaskCompletionSource();
        var running = new TaskCompletionSource();
        var execution = new IdempotentExecution(Store(), clock, DefaultWait);
        var first = execution.RunAsync(
            Scope,
            async _ =>
            {
                running.SetResult();
                await release.Task;
                return new StoredResponse(201, "created");
            },
            (response, _) => Task.FromResult<StoredResponse?>(response),
            CancellationToken.None);
        await running.Task;

        var second = await RunAsync(Scope, new StoredResponse(201, "should not run"));
        release.SetResult();
        await first;

        Assert.Equal(IdempotentOutcomeKind.InProgress, second.Kind);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task A_claim_outlasts_the_longest_allowed_apply_wait()
    {
        // Apply:WaitSeconds may be 3600: a first request can still be waiting for the router after 59 minutes.
        var longWait = new WriteWaitSettings(TimeSpan.FromHours(1));
        var release = new TaskCompletionSource();
        var running = new TaskCompletionSource();
        var first = new IdempotentExecution(Store(), clock, longWait).RunAsync(
            Scope,
            async _ =>
            {
                running.SetResult();
                await release.Task;
                return new StoredResponse(202, "pending");
            },
            (response, _) => Task.FromResult<StoredResponse?>(response),
            CancellationToken.None);
        await running.Task;

        clock.Advance(TimeSpan.FromMinutes(59));
        var retry = await new IdempotentExecution(Store(), clock, longWait).RunAsync(
            Scope,
            _ =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult(new StoredResponse(201, "second run"));
            },
            (response, _) => Task.FromResult<StoredResponse?>(response),
            CancellationToken.None);
        release.SetResult();
        await first;

        Assert.Equal(IdempotentOutcomeKind.InProgress, retry.Kind);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task A_write_that_has_run_stores_its_answer_even_when_the_client_has_left()
    {
        using var clientLeft = new CancellationTokenSource();
        var execution = new IdempotentExecution(Store(), clock, DefaultWait);
        await execution.RunAsync(
            Scope,
            _ =>
            {
                clientLeft.Cancel();
                return Task.FromResult(new StoredResponse(202, "pending"));
            },
            (response, token) =>
            {
                token.ThrowIfCancellationRequested();
                return Task.FromResult<StoredResponse?>(response);
            },
            clientLeft.Token);

        var retry = await RunAsync(Scope, new StoredResponse(201, "should not run"));

        Assert.Equal(IdempotentOutcomeKind.Replayed, retry.Kind);
        Assert.Equal(new StoredResponse(202, "pending"), retry.Replayed);
    }

    private Task<IdempotentOutcome<StoredResponse>> RunAsync(IdempotencyScope scope, StoredResponse answer) =>
        new IdempotentExecution(Store(), clock, DefaultWait).RunAsync(
            scope,
            _ =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult(answer);
            },
            (response, _) => Task.FromResult<StoredResponse?>(response),
            CancellationToken.None);

    private EfIdempotencyStore Store()
    {
        var context = database.CreateContext(clock);
        contexts.Add(context);
        return new EfIdempotencyStore(context, clock);
    }
}
