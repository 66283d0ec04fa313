using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

public sealed class VyosValueTests
{
    [Theory]
    [InlineData("it's")]
    [InlineData("say \"hi\"")]
    [InlineData("C:\\temp")]
    [InlineData("two\nlines")]
    [InlineData("cr\rhere")]
    [InlineData("tab\there")]
    [InlineData("bell\a")]
    [InlineData("line\u2028separator")]
    [InlineData("zero\u200Bwidth")]
    public void Values_vyos_cannot_quote_are_refused(string text)
    {
        Assert.Throws<VyosValueRejectedException>(() => VyosValue.Create(text));
        Assert.False(VyosValue.TryCreate(text, out _, out var reason));
        Assert.NotNull(reason);
    }

    [Fact]
    public void Broken_utf16_is_refused()
    {
        // Built in code: test-case serialisation would repair the lone surrogate.
        var text = "broken" + (char)0xD800;

        Assert.Throws<VyosValueRejectedException>(() => VyosValue.Create(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Port Forward: HTTP to 192.168.0.100")]
    [InlineData("nf:vm-1 ssh $HOME `x` ; | & ! * {}")]
    [InlineData("Grüße 😀")]
    public void Quotable_values_are_single_quoted(string text)
    {
        Assert.Equal("'" + text + "'", VyosValue.Create(text).Quoted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("it's")]
    [InlineData("a\"b")]
    [InlineData("semi;colon")]
    [InlineData("tab\t")]
    public void Bad_path_words_are_refused(string text)
    {
        Assert.Throws<VyosValueRejectedException>(() => VyosPathWord.Create(text));
    }

    [Theory]
    [InlineData("eth0.10")]
    [InlineData("192.168.64.0/24")]
    [InlineData("nf-vm_1.a")]
    public void Good_path_words_are_kept(string text)
    {
        Assert.Equal(text, VyosPathWord.Create(text).Text);
    }
}
