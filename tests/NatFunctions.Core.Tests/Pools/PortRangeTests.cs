using CsCheck;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Tests.Pools;

public sealed class PortRangeTests
{
    [Theory]
    [InlineData(1, 65535, 65535)]
    [InlineData(32000, 32999, 1000)]
    [InlineData(443, 443, 1)]
    public void Ranges_inside_the_port_space_are_accepted(int start, int end, int size)
    {
        var errors = new FieldErrors();

        var range = PortRange.Parse(start, end, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(new PortRange(start, end), range);
        Assert.Equal(size, range!.Size);
    }

    [Theory]
    [InlineData(0, 100, "start_port", "is required: a port number from 1 to 65535")]
    [InlineData(-5, 100, "start_port", "is required: a port number from 1 to 65535")]
    [InlineData(100, 65536, "end_port", "is required: a port number from 1 to 65535")]
    [InlineData(null, 100, "start_port", "is required: a port number from 1 to 65535")]
    [InlineData(200, 100, "start_port", "must not be greater than end_port")]
    public void Each_broken_rule_is_reported_on_its_field(int? start, int? end, string field, string message)
    {
        var errors = new FieldErrors();

        var range = PortRange.Parse(start, end, errors);

        Assert.Null(range);
        var reported = Assert.Single(errors.ToDictionary());
        Assert.Equal(field, reported.Key);
        Assert.Equal([message], reported.Value);
    }

    [Fact]
    public void Both_missing_ports_are_reported_at_once()
    {
        var errors = new FieldErrors();

        PortRange.Parse(null, null, errors);

        Assert.Equal(["end_port", "start_port"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Overlap_is_exactly_sharing_at_least_one_port()
    {
        var port = Gen.Int[1, 60];
        var range = Gen.Select(port, port).Select(pair => new PortRange(Math.Min(pair.Item1, pair.Item2), Math.Max(pair.Item1, pair.Item2)));

        Gen.Select(range, range).Sample((a, b) =>
            a.Overlaps(b) == b.Overlaps(a) &&
            a.Overlaps(b) == Enumerable.Range(1, 60).Any(p => a.Contains(p) && b.Contains(p)));
    }
}
