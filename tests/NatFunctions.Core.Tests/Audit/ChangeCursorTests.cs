using CsCheck;
using NatFunctions.Core.Audit;

namespace NatFunctions.Core.Tests.Audit;

public sealed class ChangeCursorTests
{
    [Fact]
    public void Every_id_round_trips()
    {
        Gen.Long[1, long.MaxValue].Sample(id =>
        {
            Assert.True(ChangeCursor.TryDecode(ChangeCursor.Encode(id), out var decoded));
            Assert.Equal(id, decoded);
        });
    }

    [Fact]
    public void Cursors_are_url_safe()
    {
        Gen.Long[1, long.MaxValue].Sample(id => Assert.Matches("^[A-Za-z0-9_-]+$", ChangeCursor.Encode(id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("not base64!")]
    [InlineData("Y2hhbmdlOg")]
    [InlineData("Y2hhbmdlOjA")]
    [InlineData("Y2hhbmdlOi01")]
    [InlineData("dm06d2ViLTE")]
    public void Anything_not_made_by_encode_is_refused(string cursor)
    {
        // In order: empty, a bare number, not base64, "change:", "change:0", "change:-5", "vm:web-1".
        Assert.False(ChangeCursor.TryDecode(cursor, out _));
    }

    [Fact]
    public void Random_text_never_decodes_to_a_non_positive_id()
    {
        Gen.String.Sample(text =>
        {
            if (ChangeCursor.TryDecode(text, out var id)) Assert.True(id > 0);
        });
    }
}
