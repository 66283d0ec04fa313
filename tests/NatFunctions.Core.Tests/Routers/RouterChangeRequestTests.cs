using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Tests.Routers;

public sealed class RouterChangeRequestTests
{
    [Theory]
    [InlineData("set nat destination rule 10 description 'a'\nset system host-name x")]
    [InlineData("set nat destination rule 10 description 'a\rb'")]
    [InlineData("set nat destination rule 10 description 'a\u001b[2Jb'")]
    [InlineData("run show configuration")]
    [InlineData("commit")]
    [InlineData("")]
    public void A_line_that_is_not_one_set_or_delete_is_refused(string command)
    {
        Assert.Throws<ArgumentException>(() => new RouterChangeRequest([command]));
    }

    [Fact]
    public void Set_and_delete_lines_are_kept_in_order()
    {
        var request = new RouterChangeRequest(["delete nat destination rule 10", "set nat destination rule 11 protocol 'tcp'"], 2, save: false);

        Assert.Equal(["delete nat destination rule 10", "set nat destination rule 11 protocol 'tcp'"], request.Commands);
        Assert.Equal(2, request.CommitConfirmMinutes);
        Assert.False(request.Save);
    }
}
