using NatFunctions.LoadTests;

namespace NatFunctions.IntegrationTests.LoadHarness;

/// <summary>
/// The load harness's router bound (tests/NatFunctions.LoadTests/RouterWork.cs, RouterCostModel.cs), from a command
/// log as the simulator writes it: sessions told apart by id, op-mode <c>set terminal</c> not a configuration
/// <c>set</c>, the <c>set</c>/<c>delete</c> lines of a session one sequential step together.
/// </summary>
public sealed class RouterBoundTests
{
    [Fact]
    public void A_read_and_a_configure_session_cost_their_commands_commit_and_round_trips()
    {
        string[] log =
        [
            "read1\tset terminal length 0",
            "conf1\tset terminal length 0",
            "read1\tshow configuration commands",
            "conf1\tconfigure",
            "read1\texit",
            "conf1\tset nat destination rule 10000 description 'vm-1'",
            "conf1\tset nat destination rule 10000 destination port '2000'",
            "conf1\tdelete service dhcp-server shared-network-name LAN subnet 10.64.0.0/16 static-mapping old",
            "conf1\tcompare",
            "conf1\tcommit",
            "conf1\tsave",
            "conf1\texit",
            "conf1\texit",
        ];

        var work = RouterWork.FromLogLines(log);
        var bound = new RouterCostModel(CommitDelayMs: 1500, CommandDelayMs: 20, RttMs: 30).BoundOf(work);

        // read: login, set terminal, show, exit = 4; configure: login, set terminal, configure, the batch, compare,
        // commit, save, exit, exit = 9.
        Assert.Equal(new RouterWork(Sessions: 2, SetOrDeleteCommands: 3, Commits: 1, SequentialSteps: 13), work);
        Assert.Equal(TimeSpan.FromMilliseconds((3 * 20) + 1500 + (13 * 30)), bound);
    }

    [Fact]
    public void Commit_confirm_pays_the_commit_and_confirm_a_round_trip()
    {
        string[] log = ["s\tconfigure", "s\tset system time-zone UTC", "s\tcommit-confirm 5", "s\tconfirm", "s\texit"];

        var work = RouterWork.FromLogLines(log);

        Assert.Equal(new RouterWork(Sessions: 1, SetOrDeleteCommands: 1, Commits: 1, SequentialSteps: 6), work);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), new RouterCostModel(1500, 0, 0).BoundOf(work));
    }

    [Fact]
    public void Over_the_http_api_each_request_is_one_step_and_a_configure_pays_its_entries_and_one_commit()
    {
        string[] log =
        [
            "api-1\tPOST /show {\"op\":\"show\",\"path\":[\"configuration\",\"commands\"]}",
            "api-2\tPOST /retrieve {\"op\":\"showConfig\",\"path\":[]}",
            "api-3\tPOST /configure [{\"op\":\"set\",\"path\":[\"nat\",\"destination\",\"rule\",\"10000\",\"description\",\"nf:vm-1\"]},"
                + "{\"op\":\"delete\",\"path\":[\"nat\",\"destination\",\"rule\",\"10001\"]},{\"op\":\"comment\",\"path\":[\"nat\"]}]",
            "api-4\tPOST /retrieve {\"op\":\"showConfig\",\"path\":[]}",
            "api-5\tPOST /config-file {\"op\":\"save\"}",
        ];

        var work = RouterWork.FromLogLines(log);

        // Five requests, five round trips; the set and the delete pay the command delay, the comment does not.
        Assert.Equal(new RouterWork(Sessions: 5, SetOrDeleteCommands: 2, Commits: 1, SequentialSteps: 5), work);
        Assert.Equal(TimeSpan.FromMilliseconds((2 * 20) + 1500 + (5 * 30)), new RouterCostModel(1500, 20, 30).BoundOf(work));
    }
}
