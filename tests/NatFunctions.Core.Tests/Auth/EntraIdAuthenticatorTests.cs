using NatFunctions.Core.Auth;
using NatFunctions.Core.Auth.EntraId;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Tests.Auth;

public sealed class EntraIdAuthenticatorTests
{
    private static readonly EntraIdAuthenticator Enabled = new(new EntraIdSettings(true, new Dictionary<string, ApiRole>(StringComparer.OrdinalIgnoreCase)
    {
        ["NatFunctions.Admin"] = ApiRole.Admin,
        ["NatFunctions.Operator"] = ApiRole.Operator,
        ["NatFunctions.Reader"] = ApiRole.Reader,
    }));

    [Fact]
    public void The_highest_mapped_app_role_wins_and_the_name_claim_names_the_caller()
    {
        var result = Enabled.Authenticate(ClientPrincipalEncoding.Encode(
            (ClientPrincipalEncoding.NameType, "alice@contoso.example"),
            ("roles", "NatFunctions.Reader"),
            (ClientPrincipalEncoding.RoleType, "NatFunctions.Operator"),
            ("roles", "Unrelated.Role")));

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal("alice@contoso.example", result.Caller!.Name);
        Assert.Equal(ApiRole.Operator, result.Caller.Role);
        Assert.StartsWith(EntraIdAuthenticator.KeyPrefixStart, result.Caller.KeyPrefix, StringComparison.Ordinal);
        Assert.Equal(16, result.Caller.KeyPrefix.Length);
    }

    [Fact]
    public void App_roles_match_ignoring_case_like_configuration_keys()
    {
        var result = Enabled.Authenticate(ClientPrincipalEncoding.Encode(("name", "ci"), ("roles", "natfunctions.admin")));

        Assert.Equal(ApiRole.Admin, result.Caller!.Role);
    }

    [Fact]
    public void A_principal_without_a_mapped_app_role_is_known_but_refused()
    {
        var result = Enabled.Authenticate(ClientPrincipalEncoding.Encode(("name", "bob"), ("roles", "Something.Else"), ("groups", "NatFunctions.Admin")));

        Assert.Equal(AuthenticationOutcome.NoMappedRole, result.Outcome);
        Assert.Null(result.Caller);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("e30=")]
    public void A_malformed_header_is_refused_as_malformed(string header)
    {
        Assert.Equal(AuthenticationOutcome.MalformedPrincipal, Enabled.Authenticate(header).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("evil\nINFO forged log line")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("bell\a")]
    public void A_principal_without_a_printable_name_is_malformed(string name)
    {
        var result = Enabled.Authenticate(ClientPrincipalEncoding.Encode((ClientPrincipalEncoding.NameType, name), ("roles", "NatFunctions.Admin")));

        Assert.Equal(AuthenticationOutcome.MalformedPrincipal, result.Outcome);
    }

    [Theory]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"name","val":"mallory\ud800"},{"typ":"roles","val":"NatFunctions.Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"name","val":"mallory"},{"typ":"roles","val":"NatFunctions.Admin\udc00"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"\udfff","val":"x"},{"typ":"name","val":"mallory"},{"typ":"roles","val":"NatFunctions.Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad\ud800","claims":[{"typ":"name","val":"mallory"},{"typ":"roles","val":"NatFunctions.Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","name_typ":"\ud800","claims":[{"typ":"name","val":"mallory"},{"typ":"roles","val":"NatFunctions.Admin"}]}""")]
    public void A_principal_with_a_lone_surrogate_anywhere_is_malformed_not_an_exception(string json)
    {
        var result = Enabled.Authenticate(ClientPrincipalEncoding.EncodeJson(json));

        Assert.Equal(AuthenticationOutcome.MalformedPrincipal, result.Outcome);
        Assert.Null(result.Caller);
    }

    [Theory]
    [InlineData("google")]
    [InlineData("github")]
    [InlineData("twitter")]
    [InlineData("")]
    [InlineData(null)]
    public void A_principal_from_another_identity_provider_or_none_is_refused(string? provider)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            auth_typ = provider,
            claims = new[] { new { typ = "name", val = "mallory" }, new { typ = "roles", val = "NatFunctions.Admin" } },
        });

        Assert.Equal(AuthenticationOutcome.MalformedPrincipal, Enabled.Authenticate(ClientPrincipalEncoding.EncodeJson(json)).Outcome);
    }

    [Fact]
    public void The_entra_provider_name_is_matched_ignoring_case()
    {
        var json = """{"auth_typ":"AAD","claims":[{"typ":"name","val":"ci"},{"typ":"roles","val":"NatFunctions.Reader"}]}""";

        Assert.Equal(AuthenticationOutcome.Authenticated, Enabled.Authenticate(ClientPrincipalEncoding.EncodeJson(json)).Outcome);
    }

    [Fact]
    public void A_long_name_is_cut_to_what_audit_rows_hold()
    {
        var name = new string('a', 70) + "@contoso.example";

        var result = Enabled.Authenticate(ClientPrincipalEncoding.Encode(("name", name), ("roles", "NatFunctions.Reader")));

        Assert.Equal(name[..63], result.Caller!.Name);
    }

    [Fact]
    public void The_key_prefix_follows_the_object_id_so_a_renamed_user_keeps_its_rate_limit_and_idempotency_scope()
    {
        string Prefix(string name) => Enabled.Authenticate(ClientPrincipalEncoding.Encode(
            ("name", name), (ClientPrincipal.ObjectIdClaimType, "11111111-2222-3333-4444-555555555555"), ("roles", "NatFunctions.Reader"))).Caller!.KeyPrefix;

        Assert.Equal(Prefix("alice"), Prefix("alice.renamed"));
        Assert.NotEqual(
            Prefix("alice"),
            Enabled.Authenticate(ClientPrincipalEncoding.Encode(("name", "alice"), ("roles", "NatFunctions.Reader"))).Caller!.KeyPrefix);
    }

    [Fact]
    public void When_disabled_even_a_perfect_admin_principal_grants_nothing()
    {
        var disabled = new EntraIdAuthenticator(EntraIdSettings.Disabled);

        var result = disabled.Authenticate(ClientPrincipalEncoding.Encode(("name", "mallory"), ("roles", "NatFunctions.Admin")));

        Assert.Equal(AuthenticationOutcome.Missing, result.Outcome);
        Assert.Null(result.Caller);
    }
}
