using NatFunctions.Core.Conditional;

namespace NatFunctions.Core.Tests.Conditional;

public sealed class EntityTagTests
{
    private const string Current = "\"0123456789abcdef0123456789abcdef\"";

    [Theory]
    [InlineData("\"0123456789abcdef0123456789abcdef\"")]
    [InlineData("W/\"0123456789abcdef0123456789abcdef\"")]
    [InlineData("\"old\", \"0123456789abcdef0123456789abcdef\"")]
    [InlineData("\"a,b\",W/\"0123456789abcdef0123456789abcdef\"")]
    [InlineData("*")]
    [InlineData(" * ")]
    public void A_list_with_the_current_tag_weak_or_strong_or_a_star_matches(string header)
    {
        Assert.True(EntityTag.IfNoneMatchMatches(Current, [header]));
    }

    [Theory]
    [InlineData("\"other\"")]
    [InlineData("\"old\", W/\"other\"")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("\"0123456789abcdef0123456789abcdef")]
    [InlineData("w/\"0123456789abcdef0123456789abcdef\"")]
    [InlineData("\"0123456789abcdef0123456789abcdef\"x")]
    [InlineData("")]
    public void Other_tags_and_malformed_headers_do_not_match(string header)
    {
        Assert.False(EntityTag.IfNoneMatchMatches(Current, [header]));
    }

    [Fact]
    public void Each_header_line_is_checked_and_the_tag_depends_on_the_content()
    {
        Assert.True(EntityTag.IfNoneMatchMatches(Current, [null, "\"x\"", Current]));
        Assert.False(EntityTag.IfNoneMatchMatches(Current, []));
        Assert.Equal(EntityTag.Compute("{\"a\":1}"), EntityTag.Compute("{\"a\":1}"));
        Assert.NotEqual(EntityTag.Compute("{\"a\":1}"), EntityTag.Compute("{\"a\":2}"));
        Assert.Matches("^\"[0-9a-f]{32}\"$", EntityTag.Compute("x"));
    }
}
