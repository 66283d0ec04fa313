using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Auth.EntraId;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Tests.Auth;

public sealed class EntraIdSettingsTests
{
    [Fact]
    public void Nothing_configured_means_disabled()
    {
        var settings = EntraIdSettings.Load(Configuration());

        Assert.False(settings.Enabled);
        Assert.Empty(settings.RoleMap);
    }

    [Fact]
    public void The_role_map_is_read_with_role_names_in_any_case()
    {
        var settings = EntraIdSettings.Load(Configuration(
            ("Auth:EntraId:Enabled", "true"),
            ("WEBSITE_AUTH_ENABLED", "True"),
            ("Auth:EntraId:RoleMap:NatFunctions.Admin", "admin"),
            ("Auth:EntraId:RoleMap:NetOps", " Operator ")));

        Assert.True(settings.Enabled);
        Assert.Equal(ApiRole.Admin, settings.RoleMap["NatFunctions.Admin"]);
        Assert.Equal(ApiRole.Operator, settings.RoleMap["netops"]);
    }

    [Fact]
    public void Unknown_role_names_and_a_bad_flag_refuse_startup_naming_every_setting()
    {
        var error = Assert.Throws<EntraIdSettingsException>(() => EntraIdSettings.Load(Configuration(
            ("Auth:EntraId:Enabled", "yes"),
            ("Auth:EntraId:RoleMap:NatFunctions.Admin", "root"),
            ("Auth:EntraId:RoleMap:NatFunctions.Reader", "reader"))));

        Assert.Equal(
            ["Auth:EntraId:Enabled must be true or false", "Auth:EntraId:RoleMap:NatFunctions.Admin must be admin, operator or reader"],
            error.Errors);
        Assert.Contains("Auth:EntraId:RoleMap:NatFunctions.Admin must be admin, operator or reader", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_role_name_refuses_startup_even_while_disabled()
    {
        Assert.Throws<EntraIdSettingsException>(() => EntraIdSettings.Load(Configuration(("Auth:EntraId:RoleMap:X", "superuser"))));
    }

    [Fact]
    public void Enabled_without_any_mapping_refuses_startup()
    {
        var error = Assert.Throws<EntraIdSettingsException>(() => EntraIdSettings.Load(Configuration(("Auth:EntraId:Enabled", "true"), ("WEBSITE_AUTH_ENABLED", "True"))));

        Assert.StartsWith("Auth:EntraId:Enabled is true but Auth:EntraId:RoleMap maps no app role", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("False")]
    [InlineData("")]
    [InlineData("1")]
    public void Enabled_without_app_service_authentication_on_refuses_startup(string? platformFlag)
    {
        var settings = new List<(string, string)> { ("Auth:EntraId:Enabled", "true"), ("Auth:EntraId:RoleMap:NatFunctions.Admin", "admin") };
        if (platformFlag is not null)
        {
            settings.Add(("WEBSITE_AUTH_ENABLED", platformFlag));
        }

        var error = Assert.Throws<EntraIdSettingsException>(() => EntraIdSettings.Load(Configuration([.. settings])));

        Assert.StartsWith("Auth:EntraId:Enabled is true but App Service Authentication is not on", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("True")]
    [InlineData("true")]
    public void Enabled_with_app_service_authentication_on_starts(string platformFlag)
    {
        var settings = EntraIdSettings.Load(Configuration(
            ("Auth:EntraId:Enabled", "true"), ("WEBSITE_AUTH_ENABLED", platformFlag), ("Auth:EntraId:RoleMap:NatFunctions.Admin", "admin")));

        Assert.True(settings.Enabled);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
