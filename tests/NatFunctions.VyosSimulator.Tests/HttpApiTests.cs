using System.Text.Json;
using NatFunctions.VyosSimulator;
using NatFunctions.VyosSimulator.Api;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// The simulator's HTTP API in process (<see cref="ApiEndpoints"/>): VyOS's statuses and texts per version
/// (sagitta/equuleus:src/services/vyos-http-api-server, current for 1.5), on the shell's state and faults.
/// </summary>
public sealed class HttpApiTests
{
    private const string Key = "sim-api-key-0123456789";
    private const string ApiConfig = "set service https api keys id nf key '" + Key + "'\n";

    [Fact]
    public void A_configure_list_is_one_commit_answered_with_null_data_on_1_4()
    {
        using var router = new SimulatedRouterState(ApiConfig);

        var reply = Handle(router, VyosRelease.V1_4, "/configure", """[{"op": "set", "path": ["system", "time-zone", "UTC"]}, {"op": "set", "path": ["system", "host-name", "edge"]}]""");

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"success":true,"data":null,"error":null}""", reply.Body);
        Assert.Contains("set system host-name", router.ActiveConfig, StringComparison.Ordinal);
        Assert.Contains("set system time-zone 'UTC'", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_set_answers_400_with_vyos_text_and_commits_nothing_of_the_list()
    {
        using var router = new SimulatedRouterState(ApiConfig);
        var before = router.ActiveConfig;

        var reply = Handle(router, VyosRelease.V1_4, "/configure", """[{"op": "set", "path": ["system", "host-name", "edge"]}, {"op": "set", "path": ["nat", "destination", "rule", "abc"]}]""");

        Assert.Equal(400, reply.Status);
        Assert.Contains("Set failed", Error(reply), StringComparison.Ordinal);
        Assert.Equal(before, router.ActiveConfig);
    }

    [Fact]
    public void Swallowed_commit_failure_answers_success_on_1_4_but_not_on_1_5()
    {
        using var router = new SimulatedRouterState(ApiConfig + "set service https api rest\n");
        File.WriteAllText(Path.Combine(router.Directory, "faults.json"), """{"failCommit": "boom", "swallowCommitFailure": true}""");
        const string change = """[{"op": "set", "path": ["system", "host-name", "edge"]}]""";

        var sagitta = Handle(router, VyosRelease.V1_4, "/configure", change);
        var circinus = Handle(router, VyosRelease.V1_5, "/configure", change);

        Assert.Equal(200, sagitta.Status);
        Assert.Equal(400, circinus.Status);
        Assert.Contains("boom", Error(circinus), StringComparison.Ordinal);
        Assert.DoesNotContain("host-name", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configure_pays_the_command_cost_per_set_and_delete_and_the_commit_cost_once_as_the_shell_does()
    {
        using var router = new SimulatedRouterState(ApiConfig);
        File.WriteAllText(Path.Combine(router.Directory, "faults.json"), """{"commandDelayMs": 20, "commitDelayMs": 1500}""");
        var time = new DelayRecordingTime();

        var reply = new ApiEndpoints(Options(router, VyosRelease.V1_4), time).Handle(
            "/configure",
            new Dictionary<string, string>
            {
                ["data"] = """[{"op": "set", "path": ["system", "host-name", "edge"]}, {"op": "set", "path": ["system", "time-zone", "UTC"]}, {"op": "delete", "path": ["system", "time-zone"]}]""",
                ["key"] = Key,
            });

        Assert.Equal(200, reply.Status);
        // vyatta-cfg-run's my_set/my_delete, a process each, then one commit (sagitta:src/services/vyos-http-api-server configure_op).
        Assert.Equal([20, 20, 20, 1500], time.Delays.Select(delay => (int)delay.TotalMilliseconds));
        Assert.DoesNotContain("time-zone", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_come_from_the_router_and_1_3_answers_a_missing_key_with_422()
    {
        using var router = new SimulatedRouterState(ApiConfig);
        var endpoints = new ApiEndpoints(Options(router, VyosRelease.V1_3), router.Time);
        const string data = """{"op": "exists", "path": ["system"]}""";

        Assert.Equal(422, endpoints.Handle("/retrieve", new Dictionary<string, string> { ["data"] = data }).Status);
        Assert.Equal(401, endpoints.Handle("/retrieve", new Dictionary<string, string> { ["data"] = data, ["key"] = "wrong" }).Status);
        Assert.Equal(401, new ApiEndpoints(Options(router, VyosRelease.V1_4), router.Time).Handle("/retrieve", new Dictionary<string, string> { ["data"] = data }).Status);
    }

    [Fact]
    public void On_1_5_nothing_is_served_without_service_https_api_rest()
    {
        using var router = new SimulatedRouterState(ApiConfig);

        var reply = Handle(router, VyosRelease.V1_5, "/retrieve", """{"op": "showConfig", "path": []}""");

        Assert.Equal(404, reply.Status);
        Assert.Equal("""{"detail":"Not Found"}""", reply.Body);
    }

    [Fact]
    public void ShowConfig_answers_the_tree_as_vyos_json_and_show_the_op_mode_text()
    {
        using var router = new SimulatedRouterState(ApiConfig + "set system host-name 'edge'\nset system name-server '192.0.2.1'\nset system name-server '192.0.2.2'\n");

        using var config = JsonDocument.Parse(Handle(router, VyosRelease.V1_4, "/retrieve", """{"op": "showConfig", "path": ["system"]}""").Body);
        var show = Handle(router, VyosRelease.V1_4, "/show", """{"op": "show", "path": ["configuration", "commands"]}""");

        var system = config.RootElement.GetProperty("data");
        Assert.Equal("edge", system.GetProperty("host-name").GetString());
        Assert.Equal(["192.0.2.1", "192.0.2.2"], system.GetProperty("name-server").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(200, show.Status);
        Assert.Contains("set system host-name 'edge'", show.Body, StringComparison.Ordinal);
    }

    private static ApiReply Handle(SimulatedRouterState router, VyosRelease version, string endpoint, string data) =>
        new ApiEndpoints(Options(router, version), router.Time).Handle(endpoint, new Dictionary<string, string> { ["data"] = data, ["key"] = Key });

    private static ShellOptions Options(SimulatedRouterState router, VyosRelease version) =>
        new() { StateDirectory = router.Directory, Version = version, UserName = "vyos", HostName = "vyos" };

    private static string Error(ApiReply reply)
    {
        using var document = JsonDocument.Parse(reply.Body);
        return document.RootElement.GetProperty("error").GetString() ?? string.Empty;
    }
}
