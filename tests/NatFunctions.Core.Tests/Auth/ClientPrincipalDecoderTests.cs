using NatFunctions.Core.Auth.EntraId;

namespace NatFunctions.Core.Tests.Auth;

public sealed class ClientPrincipalDecoderTests
{
    [Fact]
    public void An_app_service_principal_is_decoded_with_its_name_and_roles()
    {
        var header = ClientPrincipalEncoding.Encode(
            (ClientPrincipalEncoding.NameType, "alice@contoso.example"),
            (ClientPrincipalEncoding.RoleType, "NatFunctions.Operator"),
            ("roles", "NatFunctions.Reader"),
            ("groups", "NatFunctions.Admin"));

        var principal = ClientPrincipalDecoder.TryDecode(header);

        Assert.NotNull(principal);
        Assert.Equal("aad", principal.AuthenticationType);
        Assert.Equal("alice@contoso.example", principal.Name);
        Assert.Equal(["NatFunctions.Operator", "NatFunctions.Reader"], principal.Roles);
    }

    [Fact]
    public void An_app_only_principal_is_named_by_its_application_id()
    {
        var principal = ClientPrincipalDecoder.TryDecode(ClientPrincipalEncoding.Encode(
            ("appid", "0f6c2a8e-1111-4c4c-9d9d-000000000001"), (ClientPrincipal.ObjectIdClaimType, "oid-1"), ("roles", "x")));

        Assert.Equal("0f6c2a8e-1111-4c4c-9d9d-000000000001", principal!.Name);
        Assert.Equal("oid-1", principal.StableId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("////")]
    public void Text_that_is_not_base64_json_is_refused(string header)
    {
        Assert.Null(ClientPrincipalDecoder.TryDecode(header));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("""{"claims": {}}""")]
    [InlineData("""{"claims": [1]}""")]
    [InlineData("""{"claims": [{"typ": "name"}]}""")]
    [InlineData("""{"claims": [{"typ": "name", "val": 5}]}""")]
    [InlineData("""{"claims": [], "name_typ": 7}""")]
    [InlineData("""{"claims": [], "claims": []}""")]
    [InlineData("""{"claims": [{"typ": "name", "val": "a", "val": "b"}]}""")]
    [InlineData("""{"claims": [""")]
    public void Json_not_shaped_like_a_client_principal_is_refused(string json)
    {
        Assert.Null(ClientPrincipalDecoder.TryDecode(ClientPrincipalEncoding.EncodeJson(json)));
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        Assert.Null(ClientPrincipalDecoder.TryDecode(Convert.ToBase64String([0x7b, 0xff, 0xfe, 0x7d])));
    }

    [Fact]
    public void An_oversized_header_is_refused_unread()
    {
        var padding = new string('x', ClientPrincipalDecoder.MaxHeaderLength);
        Assert.Null(ClientPrincipalDecoder.TryDecode(ClientPrincipalEncoding.Encode(("name", padding), ("roles", "r"))));
    }
}
