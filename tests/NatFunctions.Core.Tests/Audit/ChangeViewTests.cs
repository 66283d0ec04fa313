using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Tests.Audit;

public sealed class ChangeViewTests
{
    [Fact]
    public void Splits_the_stored_commands_into_lines_and_carries_the_drift_counts()
    {
        var change = new RouterChange
        {
            Id = 7,
            Router = "local",
            Commands = "set nat destination rule 10000 description 'nf:web-1:ssh'\r\nset nat destination rule 10000 protocol 'tcp'",
            Result = ChangeResult.Committed,
            DriftMissing = 1,
            DriftChanged = 2,
            DriftExtra = 3,
            UnmanagedSeen = 4,
        };

        var view = ChangeView.From(change);

        Assert.Equal(
            ["set nat destination rule 10000 description 'nf:web-1:ssh'", "set nat destination rule 10000 protocol 'tcp'"],
            view.Commands);
        Assert.Equal(new DriftCounts(1, 2, 3, 4), view.Drift);
    }

    [Fact]
    public void A_session_that_sent_nothing_has_no_commands()
    {
        var view = ChangeView.From(new RouterChange { Router = "local", Commands = string.Empty, Result = ChangeResult.NoChange });

        Assert.Empty(view.Commands);
    }
}
