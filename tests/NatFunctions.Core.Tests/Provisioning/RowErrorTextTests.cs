using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Tests.Planning;

namespace NatFunctions.Core.Tests.Provisioning;

public sealed class RowErrorTextTests
{
    private static readonly RouterSettings Router = PlanningScenario.Settings() with { Host = "edge-01.example.net", Port = 2222, Username = "nf-bot" };

    [Fact]
    public void A_connection_failure_names_neither_the_address_nor_the_account()
    {
        var text = RowErrorText.For("could not connect to edge-01.example.net:2222 as nf-bot: Connection refused", Router);

        Assert.Equal("could not connect to the router: Connection refused", text);
    }

    [Fact]
    public void A_prompt_loses_the_account_and_the_host()
    {
        Assert.Equal("[edit]\nthe router# commit", RowErrorText.For("[edit]\nnf-bot@edge-01.example.net# commit", Router));
    }

    [Fact]
    public void A_host_named_like_a_word_leaves_the_routers_own_paths_alone()
    {
        var router = Router with { Host = "vyos", Username = "vyos" };
        const string refusal = "[ nat ]\nFailed: /usr/libexec/vyos/conf_mode/nat.py: rule 10 is invalid";

        Assert.Equal(refusal, RowErrorText.For(refusal, router));
    }

    [Fact]
    public void A_simulated_router_without_host_or_username_keeps_the_text()
    {
        Assert.Equal("could not connect: timed out", RowErrorText.For("could not connect: timed out", PlanningScenario.Settings()));
    }
}
