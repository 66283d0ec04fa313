using System.Net;
using System.Text;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary><c>Idempotency-Key</c> on provision and on port creation, through the real worker.</summary>
[Collection(ViewsCollection.Name)]
public sealed class IdempotencyTests(ViewsLocalHostFixture fixture)
{
    private const string KeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    [Fact]
    public async Task A_repeated_provision_replays_the_first_answer_and_creates_one_vm()
    {
        var body = """{"vm_name":"idem-once","router":"local","ports":["ssh"]}""";

        using var first = await PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-once");
        using var second = await PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-once");
        var firstText = await first.Content.ReadAsStringAsync();
        var secondText = await second.Content.ReadAsStringAsync();
        var listed = await (await fixture.AdminClient.GetAsync("/v1/vms?page_size=500")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(ReplayedHeader));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues(ReplayedHeader)));
        Assert.Equal(firstText, secondText);
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.Single(listed.GetProperty("items").EnumerateArray(), vm => vm.GetProperty("machine_id").GetString() == "idem-once");
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_problem_and_runs_nothing()
    {
        using var first = await PostAsync(fixture.AdminClient, "/v1/vms/provision", """{"vm_name":"idem-first","router":"local","ports":["ssh"]}""", "provision-idem-reused");
        using var second = await PostAsync(fixture.AdminClient, "/v1/vms/provision", """{"vm_name":"idem-second","router":"local","ports":["ssh"]}""", "provision-idem-reused");
        var problem = await second.ReadJsonAsync();
        var notCreated = await fixture.AdminClient.GetAsync("/v1/vms/idem-second");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode)422, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, notCreated.StatusCode);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("")]
    public async Task An_invalid_key_is_a_400_naming_the_header(string key)
    {
        using var response = await PostAsync(fixture.AdminClient, "/v1/vms/provision", """{"vm_name":"idem-invalid-key","router":"local"}""", key);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(KeyHeader, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.AdminClient.GetAsync("/v1/vms/idem-invalid-key")).StatusCode);
    }

    [Fact]
    public async Task A_key_longer_than_128_characters_is_a_400()
    {
        using var response = await PostAsync(fixture.AdminClient, "/v1/vms/provision", """{"vm_name":"idem-long-key","router":"local"}""", new string('k', 129));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_final_client_error_is_stored_and_replayed_too()
    {
        var body = """{"vm_name":"Not A Valid Name","router":"local"}""";

        using var first = await PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-400");
        using var second = await PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-400");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True(second.Headers.Contains(ReplayedHeader));
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_api_key_that_sent_them()
    {
        var body = """{"vm_name":"idem-scoped","router":"local","ports":["ssh"]}""";
        var created = await (await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = "idem-operator", role = "operator" })).ReadJsonAsync();
        using var operatorClient = fixture.ClientWithKey(created.GetProperty("key").GetString()!);

        using var asAdmin = await PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-scoped");
        using var asOperator = await PostAsync(operatorClient, "/v1/vms/provision", body, "provision-idem-scoped");

        // The operator's request ran for real: the name is taken, so it is refused rather than given the admin's answer.
        Assert.Equal(HttpStatusCode.Created, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, asOperator.StatusCode);
        Assert.False(asOperator.Headers.Contains(ReplayedHeader));
    }

    [Fact]
    public async Task Concurrent_duplicates_run_once_and_the_others_replay_or_are_told_it_is_in_progress()
    {
        var body = """{"vm_name":"idem-concurrent","router":"local","ports":["ssh","http"]}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-concurrent")));
        var outcomes = new List<(HttpStatusCode Status, bool Replayed, string? Title)>();
        foreach (var response in responses)
        {
            using (response)
            {
                var json = await response.ReadJsonAsync();
                outcomes.Add((response.StatusCode, response.Headers.Contains(ReplayedHeader), json.TryGetProperty("title", out var title) ? title.GetString() : null));
            }
        }

        var listed = await (await fixture.AdminClient.GetAsync("/v1/vms?page_size=500")).ReadJsonAsync();
        Assert.Single(outcomes, outcome => outcome is { Status: HttpStatusCode.Created, Replayed: false });
        Assert.All(outcomes, outcome => Assert.True(
            outcome.Status == HttpStatusCode.Created || (outcome.Status == HttpStatusCode.Conflict && outcome.Title == "Request in progress."),
            $"unexpected {(int)outcome.Status} {outcome.Title}"));
        Assert.Single(listed.GetProperty("items").EnumerateArray(), vm => vm.GetProperty("machine_id").GetString() == "idem-concurrent");
    }

    [Fact]
    public async Task A_repeated_port_create_replays_and_adds_one_forward()
    {
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "idem-ports");
        var body = """{"action":"create","internal_port":8080,"protocol":"tcp"}""";

        using var first = await PostAsync(fixture.AdminClient, "/v1/vms/idem-ports/ports/web", body, "port-create-idem");
        using var second = await PostAsync(fixture.AdminClient, "/v1/vms/idem-ports/ports/web", body, "port-create-idem");
        var vm = await (await fixture.AdminClient.GetAsync("/v1/vms/idem-ports")).ReadJsonAsync();

        Assert.True(first.IsSuccessStatusCode, $"{(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.True(second.Headers.Contains(ReplayedHeader));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single(vm.GetProperty("forwards").EnumerateArray(), forward => forward.GetProperty("port_name").GetString() == "web");
    }

    [Fact]
    public async Task Other_port_actions_are_not_deduplicated()
    {
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "idem-pause");
        var body = """{"action":"pause"}""";

        using var first = await PostAsync(fixture.AdminClient, "/v1/vms/idem-pause/ports/ssh", body, "port-pause-idem");
        using var second = await PostAsync(fixture.AdminClient, "/v1/vms/idem-pause/ports/ssh", body, "port-pause-idem");

        Assert.True(first.IsSuccessStatusCode, $"{(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        Assert.False(second.Headers.Contains(ReplayedHeader));
    }

    [Fact]
    public async Task A_create_action_spelled_in_another_case_is_refused_and_never_runs_unguarded()
    {
        // {"Action":"create"} was read as a create (names ignoring case) while the Idempotency-Key guard looked for
        // "action" only, so a retry created again. Names now match exactly: it is a 400 naming the property, each time.
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "idem-case");
        var body = """{"Action":"create","internal_port":8080,"protocol":"tcp"}""";

        using var first = await PostAsync(fixture.AdminClient, "/v1/vms/idem-case/ports/web", body, "port-create-idem-case");
        using var second = await PostAsync(fixture.AdminClient, "/v1/vms/idem-case/ports/web", body, "port-create-idem-case");
        var problem = await first.ReadJsonAsync();
        var vm = await (await fixture.AdminClient.GetAsync("/v1/vms/idem-case")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Action", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.DoesNotContain(vm.GetProperty("forwards").EnumerateArray(), forward => forward.GetProperty("port_name").GetString() == "web");
    }

    [Fact]
    public async Task A_client_that_gives_up_while_waiting_for_the_router_gets_the_answer_on_its_retry()
    {
        var router = new SimulatedRouter(Path.Combine(fixture.ScratchDirectory, "router-local"));
        var body = """{"vm_name":"idem-gave-up","router":"local","ports":["ssh"]}""";
        await router.SetFaultsAsync("""{"commitDelayMs":5000}""");
        HttpResponseMessage retry;
        try
        {
            using (var impatient = new CancellationTokenSource(TimeSpan.FromSeconds(1.5)))
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-gave-up", impatient.Token));
            }

            // Until the first request has noticed its client left, the key is rightly "in progress".
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                retry = await PostAsync(fixture.AdminClient, "/v1/vms/provision", body, "provision-idem-gave-up");
                if (retry.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > deadline
                    || (await retry.ReadJsonAsync()).GetProperty("title").GetString() != "Request in progress.")
                {
                    break;
                }

                retry.Dispose();
                await Task.Delay(250);
            }
        }
        finally
        {
            await router.SetFaultsAsync(null);
        }

        using (retry)
        {
            Assert.True(retry.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Created, $"{(int)retry.StatusCode} {await retry.Content.ReadAsStringAsync()}");
            Assert.True(retry.Headers.Contains(ReplayedHeader));
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string key, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(KeyHeader, key);
        return client.SendAsync(request, cancellationToken);
    }
}
