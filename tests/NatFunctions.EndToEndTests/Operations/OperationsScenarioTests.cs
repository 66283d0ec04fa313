using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>P5 against the scenario of <see cref="OperationsFixture"/>: metrics, logs, secrets and the API contract.</summary>
public sealed partial class OperationsScenarioTests(OperationsFixture fixture) : IClassFixture<OperationsFixture>
{
    private static readonly string[] CoreLogFields = ["timestamp", "level", "category", "message"];

    [Fact]
    public void Metrics_label_http_requests_by_route_template_and_status_never_by_path()
    {
        var metrics = fixture.FinalMetrics;

        Assert.True(Sample(metrics, "natfunctions_http_requests_total", """route="/v1/vms/{machine_id}",method="GET",status="200" """.Trim()) >= 1);
        Assert.True(Sample(metrics, "natfunctions_http_requests_total", """route="/v1/vms/{machine_id}",method="GET",status="304" """.Trim()) >= 1);
        Assert.True(Sample(metrics, "natfunctions_http_requests_total", """route="/v1/vms/{machine_id}/ports/{port_name}",method="POST",status="403" """.Trim()) >= 1);
        Assert.True(Sample(metrics, "natfunctions_http_requests_total", """route="/v1/vms",method="GET",status="401" """.Trim()) >= 1);
        Assert.True(Sample(metrics, "natfunctions_http_requests_total", """route="/v1/health",method="GET",status="200" """.Trim()) >= 2);
        Assert.True(Sample(metrics, "natfunctions_http_request_duration_seconds_count", """route="/v1/vms/provision",method="POST" """.Trim()) >= 4);
        Assert.DoesNotContain(OperationsFixture.MachineId, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("no-such-vm", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_show_router_sessions_commit_durations_sync_and_reachability()
    {
        var metrics = fixture.FinalMetrics;

        Assert.True(Sample(metrics, "natfunctions_router_sessions_total", """router="local",result="committed" """.Trim()) >= 6);
        Assert.True(Sample(metrics, "natfunctions_commit_duration_seconds_count", """router="local" """.Trim()) >= 6);
        Assert.Equal(1, Sample(metrics, "natfunctions_router_up", """router="local" """.Trim()));
        Assert.Equal(0, Sample(metrics, "natfunctions_changes_pending", """router="local" """.Trim()));
        Assert.Equal(0, Sample(metrics, "natfunctions_unowned_rules", """router="local" """.Trim()));
        Assert.Equal(0, Sample(metrics, "natfunctions_drift_found_total", """router="local" """.Trim()));
        var lastSync = DateTimeOffset.FromUnixTimeSeconds((long)Sample(metrics, "natfunctions_sync_last_success_timestamp_seconds", """router="local" """.Trim()));
        Assert.InRange(lastSync, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void Metrics_show_pool_capacity_and_free_per_pool_and_kind()
    {
        var metrics = fixture.FinalMetrics;

        Assert.Equal(241, Sample(metrics, "natfunctions_pool_capacity", """router="local",pool="lan",kind="ip" """.Trim()));
        Assert.Equal(241, Sample(metrics, "natfunctions_pool_free", """router="local",pool="lan",kind="ip" """.Trim()));
        Assert.Equal(2000, Sample(metrics, "natfunctions_pool_capacity", """router="local",pool="ext",kind="port" """.Trim()));
        Assert.Equal(2000, Sample(metrics, "natfunctions_pool_free", """router="local",pool="ext",kind="port" """.Trim()));
        Assert.DoesNotContain("pool=\"spare\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_unit_tests_feed_series_shaped_like_the_workers_own_metrics()
    {
        // docs/monitoring/alerts.tests.yml is what promtool tests the alerts with; its series must carry exactly the
        // labels the worker exports (Prometheus adds instance and job), or the alerts are tested against data that
        // never exists: the pool alert once selected on a router label the pool gauges did not have.
        var exported = LabelNamesByMetric(fixture.FinalMetrics.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success));
        var tests = File.ReadAllText(Path.Combine(BuildOutputs.RepositoryRoot, "docs", "monitoring", "alerts.tests.yml"));
        var tested = LabelNamesByMetric(TestSeries().Matches(tests), ignored: ["instance", "job"]);

        var compared = tested.Keys.Where(exported.ContainsKey).ToList();
        Assert.Contains("natfunctions_pool_free", compared);
        Assert.Contains("natfunctions_router_up", compared);
        Assert.All(compared, metric => Assert.True(
            tested[metric].SetEquals(exported[metric]),
            $"{metric}: alert tests use [{string.Join(", ", tested[metric].Order())}], the worker exports [{string.Join(", ", exported[metric].Order())}]"));
    }

    [Fact]
    public async Task Promtool_fires_the_pool_alert_on_pool_series_scraped_from_the_worker()
    {
        // The worker's own lan/ip samples, labels exactly as scraped, with nothing left free: the alert must fire and
        // name the router. (promtool comes with the Debian package prometheus, which .ci/run installs.)
        var scraped = fixture.FinalMetrics.Split('\n').Select(line => SampleLine().Match(line))
            .Where(match => match.Success && match.Groups["labels"].Value.Contains("pool=\"lan\"", StringComparison.Ordinal))
            .ToDictionary(match => match.Groups["metric"].Value, match => match.Groups["labels"].Value, StringComparer.Ordinal);
        var capacity = (long)Sample(fixture.FinalMetrics, "natfunctions_pool_capacity", scraped["natfunctions_pool_capacity"]);
        var directory = Directory.CreateTempSubdirectory("nf-promtool-");
        try
        {
            var rules = Path.Combine(BuildOutputs.RepositoryRoot, "docs", "monitoring", "alerts.rules.yml");
            var tests = Path.Combine(directory.FullName, "scraped.tests.yml");
            await File.WriteAllTextAsync(tests, $$"""
                rule_files:
                  - {{rules}}
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'natfunctions_pool_capacity{{{scraped["natfunctions_pool_capacity"]}},instance="a"}'
                        values: '{{capacity}}x30'
                      - series: 'natfunctions_pool_free{{{scraped["natfunctions_pool_free"]}},instance="a"}'
                        values: '0x30'
                    alert_rule_test:
                      - eval_time: 20m
                        alertname: NatFunctionsPoolNearlyFull
                        exp_alerts:
                          - exp_labels: {severity: warning, router: local, pool: lan, kind: ip}
                            exp_annotations:
                              summary: "ip pool lan on local is 100% used"
                              description: "More than 90% of the ip pool lan is allocated. Provisioning answers 507 (pool exhausted) once it is full: widen the pool or add one."
                              runbook: "docs/operations.md#a-pool-is-nearly-full"
                """);
            var (exitCode, output) = await RunPromtoolAsync("test", "rules", tests);

            Assert.True(exitCode == 0, $"promtool test rules failed ({exitCode}):\n{output}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_secret_appears_in_any_output_of_the_host_or_the_worker()
    {
        var output = fixture.Host.Output;

        Assert.True(output.Length > 10_000, "the scenario printed almost nothing; the scan would prove nothing");
        Assert.Equal(3, fixture.CreatedKeySecrets.Count);
        foreach (var secret in fixture.Secrets)
        {
            Assert.True(secret.Length >= 16, "a short secret could match by accident");
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"a secret starting '{secret[..6]}' appears in the output");
        }
    }

    [Fact]
    public void No_secret_is_stored_in_the_database_or_answered_except_once_at_key_creation()
    {
        // The database files (with the WAL, where recent writes live) as raw bytes, as a stolen backup would be read.
        var databaseText = string.Concat(Directory.GetFiles(fixture.ScratchDirectory, "natfunctions.db*")
            .Select(file => System.Text.Encoding.UTF8.GetString(ReadShared(file))));
        var answers = fixture.Exchanges
            .Where(exchange => !(exchange.Method == "POST" && exchange.Path == "/v1/admin/api-keys" && exchange.Status == 201))
            .Select(exchange => exchange.Body)
            .Append(fixture.FinalMetrics)
            .ToList();

        Assert.True(databaseText.Length > 10_000, "the database files are nearly empty; the scan would prove nothing");
        foreach (var secret in fixture.Secrets)
        {
            Assert.False(databaseText.Contains(secret, StringComparison.Ordinal), $"a secret starting '{secret[..6]}' is in the database");
            Assert.DoesNotContain(answers, answer => answer.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Worker_log_lines_are_json_objects_with_request_router_and_change_context()
    {
        // The console logger writes in the background; wait for the scenario's last router session to be printed.
        await fixture.Host.WaitForOutputAsync("\"change_id\":", TimeSpan.FromSeconds(30), CancellationToken.None);
        await fixture.Host.WaitForOutputAsync($"\"machine_id\":\"{OperationsFixture.MachineId}\"", TimeSpan.FromSeconds(30), CancellationToken.None);
        var lines = WorkerLine().Matches(fixture.Host.Output).Select(match => match.Groups["line"].Value).ToList();
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.True(entries.Count >= 10, $"only {entries.Count} worker log lines");
        Assert.All(entries, entry =>
        {
            Assert.Equal(JsonValueKind.Object, entry.ValueKind);
            Assert.All(CoreLogFields, field => Assert.Equal(JsonValueKind.String, entry.GetProperty(field).ValueKind));
            Assert.True(DateTimeOffset.TryParse(entry.GetProperty("timestamp").GetString(), CultureInfo.InvariantCulture, out _));
        });
        Assert.Contains(entries, entry => Has(entry, "correlation_id") && Has(entry, "actor") && Has(entry, "machine_id"));
        Assert.Contains(entries, entry => Has(entry, "router") && Has(entry, "change_id"));
        Assert.DoesNotContain(entries, entry => entry.TryGetProperty("actor", out var actor) && fixture.Secrets.Contains(actor.ToString()));
    }

    [Fact]
    public void Every_documented_operation_is_exercised_with_a_success_and_every_answer_fitted_the_document()
    {
        var contract = OpenApiContract.Shared;
        var exchanges = fixture.Exchanges.ToList();

        var succeeded = exchanges.Where(exchange => exchange.Status is >= 200 and < 300)
            .Select(exchange => contract.Find(exchange.Method, exchange.Path)?.OperationId)
            .ToHashSet(StringComparer.Ordinal);
        var answered = exchanges.Select(exchange => contract.Find(exchange.Method, exchange.Path)?.OperationId).ToHashSet(StringComparer.Ordinal);

        // GET and DELETE of the stateless MCP endpoint document only the 405 the MCP specification allows; getting it counts.
        var neverSucceeded = contract.Operations
            .Where(operation => !succeeded.Contains(operation.OperationId)
                && !(answered.Contains(operation.OperationId) && !operation.Definition.GetProperty("responses").EnumerateObject().Any(response => response.Name.StartsWith('2'))))
            .Select(operation => operation.ToString())
            .ToList();

        // The clients already failed the scenario at the first answer that broke the document; this re-check shows
        // the answers this test reasons about were all checked.
        Assert.True(exchanges.Count >= 55, $"only {exchanges.Count} exchanges recorded");
        Assert.Empty(exchanges.SelectMany(contract.Check));
        Assert.True(neverSucceeded.Count == 0, "Operations the scenario never got a 2xx from: " + string.Join(", ", neverSucceeded));
    }

    [Fact]
    public void The_served_openapi_document_is_the_one_in_docs()
    {
        var served = fixture.Exchanges.Single(exchange => exchange.Path == "/v1/openapi.json").Body;
        var onDisk = File.ReadAllText(OpenApiContract.DocumentPath);

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(onDisk).RootElement, JsonDocument.Parse(served).RootElement));
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Has(JsonElement entry, string field) =>
        entry.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number && value.ToString().Length > 0;

    /// <summary>The value of the one sample of <paramref name="name"/> with exactly these labels; fails when absent.</summary>
    private static double Sample(string metrics, string name, string labels)
    {
        var prefix = $"{name}{{{labels}}} ";
        var line = metrics.Split('\n').SingleOrDefault(candidate => candidate.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"no sample {prefix.Trim()} in:\n{metrics}");
        return double.Parse(line![prefix.Length..], CultureInfo.InvariantCulture);
    }

    private static async Task<(int ExitCode, string Output)> RunPromtoolAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("promtool is not installed: install the Debian package prometheus (.ci/run does)", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await errors);
        }
    }

    private static Dictionary<string, HashSet<string>> LabelNamesByMetric(IEnumerable<Match> samples, string[]? ignored = null)
    {
        var byMetric = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var names = LabelName().Matches(sample.Groups["labels"].Value).Select(label => label.Groups["name"].Value)
                .Where(name => ignored is null || !ignored.Contains(name))
                .ToHashSet(StringComparer.Ordinal);
            var metric = sample.Groups["metric"].Value;
            if (byMetric.TryGetValue(metric, out var seen))
            {
                Assert.True(seen.SetEquals(names), $"{metric} has samples with different label names");
            }
            else
            {
                byMetric[metric] = names;
            }
        }

        return byMetric;
    }

    [GeneratedRegex(@"^(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} ")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"series: '(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\}'")]
    private static partial Regex TestSeries();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""")]
    private static partial Regex LabelName();

    // LocalHost relays each line the worker prints on stdout as "<time> info: Worker[0] <line>".
    [GeneratedRegex(@"^\S+ info: Worker\[0\] (?<line>\{.*\})\r?$", RegexOptions.Multiline)]
    private static partial Regex WorkerLine();
}
