using CsCheck;
using NatFunctions.Core.Paging;

namespace NatFunctions.Core.Tests.Paging;

public sealed class OpaqueCursorTests
{
    [Fact]
    public void Every_text_round_trips_through_a_url_safe_cursor_without_padding()
    {
        // Whole UTF-16 characters only: a lone surrogate is not text UTF-8 can carry.
        Gen.String[Gen.Char["abz09-_:/+= \u00e9\u20ac\u0430\uff11"], 0, 80].Sample(text =>
        {
            var cursor = OpaqueCursor.Encode(text);
            if (text.Length > 0) Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
            Assert.Equal(cursor.Length > 0, OpaqueCursor.TryDecode(cursor, int.MaxValue, out var decoded));
            if (cursor.Length > 0) Assert.Equal(text, decoded);
        });
    }

    [Theory]
    [InlineData("", 100)]
    [InlineData("not base64!", 100)]
    [InlineData("d2ViLTE", 6)]
    public void Empty_too_long_or_not_base64url_is_refused(string cursor, int maxLength)
    {
        // "d2ViLTE" is "web-1", one character over the limit given.
        Assert.False(OpaqueCursor.TryDecode(cursor, maxLength, out var text));
        Assert.Equal(string.Empty, text);
    }

    [Fact]
    public void A_cursor_at_the_limit_is_read()
    {
        Assert.True(OpaqueCursor.TryDecode("d2ViLTE", 7, out var text));
        Assert.Equal("web-1", text);
    }
}
