using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;
using NatFunctions.Infrastructure.Audit;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Audit;

/// <summary>GET /v1/admin/changes over the real store: filters, the byte budget of a page, and retention.</summary>
public sealed class EfRouterChangeLogTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private readonly SqliteTestDatabase database = new();
    private readonly List<NatFunctionsDbContext> contexts = [];

    public async Task InitializeAsync() => await (await database.CreateMigratedContextAsync()).DisposeAsync();

    public Task DisposeAsync() => Task.WhenAll(contexts.Select(context => context.DisposeAsync().AsTask()));

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Sessions_are_filtered_by_result_trigger_and_start_time()
    {
        await AddAsync(
            Change("edge", ChangeResult.Committed, ChangeTrigger.Api, Now.AddHours(-3)),
            Change("edge", ChangeResult.TransportError, ChangeTrigger.Timer, Now.AddHours(-2)),
            Change("edge", ChangeResult.NoChange, ChangeTrigger.Timer, Now.AddHours(-1)),
            Change("core", ChangeResult.TransportError, ChangeTrigger.Manual, Now));

        Assert.Equal([4, 2], await IdsAsync(new ChangeQueryText(Result: "transport_error")));
        Assert.Equal([3, 2], await IdsAsync(new ChangeQueryText(Trigger: "timer")));
        Assert.Equal([2], await IdsAsync(new ChangeQueryText(Router: "edge", Result: "transport_error")));
        Assert.Equal([3, 2], await IdsAsync(new ChangeQueryText(Since: "2026-12-06T10:00:00Z", Until: "2026-12-06T12:00:00Z")));
        Assert.Equal([4, 3], await IdsAsync(new ChangeQueryText(Since: "2026-12-06T11:30:00+01:00")));
    }

    [Theory]
    [InlineData("result", "committed ")]
    [InlineData("result", "Committed")]
    [InlineData("result", "applied")]
    [InlineData("trigger", "cron")]
    [InlineData("since", "2026-12-06")]
    [InlineData("since", "2026-12-06T10:00:00")]
    [InlineData("until", "yesterday")]
    [InlineData("until", "2026-12-06T10:00:00Z\n")]
    public async Task A_filter_the_api_does_not_know_is_a_400_naming_it(string field, string value)
    {
        var query = field switch
        {
            "result" => new ChangeQueryText(Result: value),
            "trigger" => new ChangeQueryText(Trigger: value),
            "since" => new ChangeQueryText(Since: value),
            _ => new ChangeQueryText(Until: value),
        };

        var refused = await Queries().ListAsync(query, CancellationToken.None);

        Assert.False(refused.Succeeded);
        Assert.Equal([field], refused.Error!.FieldErrors!.Keys);
    }

    [Fact]
    public async Task Until_before_since_is_a_400()
    {
        var refused = await Queries().ListAsync(new ChangeQueryText(Since: "2026-12-06T10:00:00Z", Until: "2026-12-06T09:00:00Z"), CancellationToken.None);

        Assert.Equal(["until"], refused.Error!.FieldErrors!.Keys);
    }

    [Fact]
    public async Task A_page_stops_at_its_byte_budget_and_the_cursor_goes_on_from_there()
    {
        var big = new string('o', (ChangeQueries.MaxPageBytes / 2) + 1);
        await AddAsync(
            Change("edge", ChangeResult.Committed, ChangeTrigger.Api, Now.AddMinutes(-3), big),
            Change("edge", ChangeResult.Committed, ChangeTrigger.Api, Now.AddMinutes(-2), big),
            Change("edge", ChangeResult.Committed, ChangeTrigger.Api, Now.AddMinutes(-1), "small"),
            Change("edge", ChangeResult.Committed, ChangeTrigger.Api, Now, new string('o', ChangeQueries.MaxPageBytes * 2)));

        var pages = new List<IReadOnlyList<long>>();
        string? cursor = null;
        do
        {
            var page = (await Queries().ListAsync(new ChangeQueryText(Cursor: cursor, PageSize: "500"), CancellationToken.None)).Value!;
            pages.Add(page.Items.Select(item => item.Id).ToList());
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        // One session over the budget still gets a page of its own; the others fill pages up to the budget.
        Assert.Equal([[4], [3, 2], [1]], pages);
    }

    [Fact]
    public async Task Sessions_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        await AddAsync(
            Change("edge", ChangeResult.NoChange, ChangeTrigger.Timer, Now.AddDays(-91)),
            Change("edge", ChangeResult.NoChange, ChangeTrigger.Timer, Now.AddDays(-89)),
            Change("core", ChangeResult.Committed, ChangeTrigger.Api, Now));
        var retention = AuditRetention.FromConfiguration(new ConfigurationBuilder().Build());

        var pruned = await new AuditPruning(Log(), retention, new ManualClock(new DateTimeOffset(Now))).PruneAsync(CancellationToken.None);

        Assert.Equal(90, retention.Days);
        Assert.Equal(1, pruned);
        Assert.Equal([3, 2], await IdsAsync(new ChangeQueryText()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("3651")]
    [InlineData("ninety")]
    public void A_retention_out_of_range_stops_the_app(string days)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("Audit:RetentionDays", days)]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => AuditRetention.FromConfiguration(configuration));

        Assert.Contains("Audit:RetentionDays", error.Message, StringComparison.Ordinal);
    }

    private static RouterChange Change(string router, ChangeResult result, ChangeTrigger trigger, DateTime startedAt, string? output = null) => new()
    {
        Router = router,
        Result = result,
        Trigger = trigger,
        StartedAt = startedAt,
        FinishedAt = startedAt,
        RouterOutput = output,
    };

    private async Task AddAsync(params RouterChange[] changes)
    {
        await using var context = database.CreateContext();
        context.RouterChanges.AddRange(changes);
        await context.SaveChangesAsync();
    }

    private async Task<List<long>> IdsAsync(ChangeQueryText query)
    {
        var result = await Queries().ListAsync(query, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Error?.FieldErrors?.Select(e => $"{e.Key}: {string.Join(",", e.Value)}") ?? []));
        return result.Value!.Items.Select(item => item.Id).ToList();
    }

    private ChangeQueries Queries() => new(Log());

    private EfRouterChangeLog Log()
    {
        var context = database.CreateContext();
        contexts.Add(context);
        return new EfRouterChangeLog(context);
    }
}
