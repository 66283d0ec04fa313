using CsCheck;
using NatFunctions.Core.Idempotency;

namespace NatFunctions.Core.Tests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("3f2b8c1e-9d4a-4f7e-8b1a-2c3d4e5f6a7b")]
    [InlineData("01HZX3K9V7Q2W8E4R6T0Y1U3I5")]
    [InlineData("pipeline-42:step.provision_vm")]
    public void Accepts_uuids_ulids_and_dotted_or_colon_names(string key) => Assert.True(IdempotencyKey.IsValid(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("new\nline")]
    [InlineData("semi;colon")]
    [InlineData("quote'd")]
    [InlineData("slash/ed")]
    [InlineData("ünïcode")]
    public void Refuses_empty_and_anything_outside_the_alphabet(string? key) => Assert.False(IdempotencyKey.IsValid(key));

    [Fact]
    public void Allows_128_characters_and_not_129()
    {
        Assert.True(IdempotencyKey.IsValid(new string('k', IdempotencyKey.MaxLength)));
        Assert.False(IdempotencyKey.IsValid(new string('k', IdempotencyKey.MaxLength + 1)));
    }

    [Fact]
    public void Every_accepted_key_is_made_of_the_allowed_characters_only()
    {
        const string allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";
        Gen.String[Gen.Char["ab9._:- ;'\"\n\\/é"], 0, 140].Sample(key =>
            Assert.Equal(key.Length is >= 1 and <= IdempotencyKey.MaxLength && key.All(allowed.Contains), IdempotencyKey.IsValid(key)));
    }
}
