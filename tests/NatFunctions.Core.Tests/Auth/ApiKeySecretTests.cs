using NatFunctions.Core.Auth;

namespace NatFunctions.Core.Tests.Auth;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_generated_key_parses_back_to_the_same_prefix_and_hash()
    {
        var generated = ApiKeySecret.Generate();

        var parsed = ApiKeySecret.TryParse(generated.Text);

        Assert.NotNull(parsed);
        Assert.Equal(generated.Prefix, parsed.Prefix);
        Assert.True(ApiKeySecret.HashesMatch(generated.Hash, parsed.Hash));
        Assert.StartsWith("nfk_", generated.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_generated_keys_differ_in_prefix_and_secret()
    {
        var first = ApiKeySecret.Generate();
        var second = ApiKeySecret.Generate();

        Assert.NotEqual(first.Prefix, second.Prefix);
        Assert.NotEqual(first.Text, second.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nfk")]
    [InlineData("nfk__secret")]
    [InlineData("abc_abcdefghijkl_secret")]
    [InlineData("nfk_ABCDEFGHIJKL_secret")]
    [InlineData("nfk_abcdefghijkl_")]
    [InlineData("nfk_abcdefghijkl_se cret")]
    [InlineData("nfk_abcdefghijkl_sec'ret")]
    public void Text_not_shaped_like_a_key_is_not_parsed(string presented)
    {
        Assert.Null(ApiKeySecret.TryParse(presented));
    }

    [Fact]
    public void An_overlong_key_is_not_parsed()
    {
        Assert.Null(ApiKeySecret.TryParse("nfk_abcdefghijkl_" + new string('a', 200)));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_whole_text()
    {
        var key = ApiKeySecret.Generate();

        Assert.Equal(32, key.Hash.Length);
        Assert.Equal(ApiKeySecret.ComputeHash(key.Text), key.Hash);
        Assert.DoesNotContain(key.Text.Split('_')[2], Convert.ToBase64String(key.Hash), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_bootstrap_key_is_refused_at_startup()
    {
        Assert.Throws<InvalidOperationException>(() => new BootstrapAdminKey("short"));
    }

    [Fact]
    public void The_bootstrap_key_matches_only_itself()
    {
        var bootstrap = new BootstrapAdminKey("bootstrap-admin-key-for-tests-0001");

        Assert.True(bootstrap.Matches("bootstrap-admin-key-for-tests-0001"));
        Assert.False(bootstrap.Matches("bootstrap-admin-key-for-tests-0002"));
        Assert.False(new BootstrapAdminKey(null).Matches("bootstrap-admin-key-for-tests-0001"));
    }
}
