using NatFunctions.LocalHost.Functions;
using NatFunctions.LocalHost.Routing;
using NatFunctions.LocalHost.Rpc;

namespace NatFunctions.EndToEndTests.LocalHost;

/// <summary>Route selection rules the HTTP tests cannot reach with the app's current functions.</summary>
public sealed class RouteTableTests
{
    private static readonly RouteTable VmRoutes = new(
    [
        HttpFunction("GetVm", "v1/vms/{machine_id}", "GET"),
        HttpFunction("DeleteVm", "v1/vms/{machine_id}", "DELETE"),
        HttpFunction("Provision", "v1/vms/provision", "POST"),
        HttpFunction("Inventory", "v1/vms/inventory", "GET"),
        HttpFunction("GetPort", "v1/vms/{machine_id}/ports/{port_name}", "GET", "PUT"),
    ]);

    [Theory]
    [InlineData("GET", "/v1/vms/inventory", "Inventory")]
    [InlineData("POST", "/v1/vms/provision", "Provision")]
    [InlineData("GET", "/v1/vms/vm-42", "GetVm")]
    [InlineData("DELETE", "/v1/vms/vm-42", "DeleteVm")]
    [InlineData("PUT", "/v1/vms/vm-42/ports/ssh", "GetPort")]
    public void Picks_the_function_for_path_and_method(string method, string path, string expected)
    {
        var found = Assert.IsType<RouteMatch.Found>(VmRoutes.Match(method, path));

        Assert.Equal(expected, found.Function.Name);
    }

    [Fact]
    public void Literal_segments_beat_parameters_whatever_the_registration_order()
    {
        var reversed = new RouteTable([HttpFunction("Inventory", "v1/vms/inventory", "GET"), HttpFunction("GetVm", "v1/vms/{machine_id}", "GET")]);
        var forward = new RouteTable([HttpFunction("GetVm", "v1/vms/{machine_id}", "GET"), HttpFunction("Inventory", "v1/vms/inventory", "GET")]);

        Assert.Equal("Inventory", Assert.IsType<RouteMatch.Found>(reversed.Match("GET", "/v1/vms/inventory")).Function.Name);
        Assert.Equal("Inventory", Assert.IsType<RouteMatch.Found>(forward.Match("GET", "/v1/vms/inventory")).Function.Name);
    }

    [Fact]
    public void A_literal_route_for_another_method_leaves_the_parameter_route_to_match()
    {
        // As in ASP.NET Core routing: candidates are filtered by method before precedence decides.
        var found = Assert.IsType<RouteMatch.Found>(VmRoutes.Match("GET", "/v1/vms/provision"));

        Assert.Equal("GetVm", found.Function.Name);
        Assert.Equal("provision", found.RouteValues["machine_id"]);
    }

    [Fact]
    public void Route_values_keep_their_case_while_literals_match_any_case()
    {
        var found = Assert.IsType<RouteMatch.Found>(VmRoutes.Match("GET", "/V1/VMS/Vm-42/Ports/SSH"));

        Assert.Equal("Vm-42", found.RouteValues["machine_id"]);
        Assert.Equal("SSH", found.RouteValues["port_name"]);
    }

    [Fact]
    public void A_path_served_only_for_other_methods_lists_them_all()
    {
        var notAllowed = Assert.IsType<RouteMatch.MethodNotAllowed>(VmRoutes.Match("PATCH", "/v1/vms/vm-42"));

        Assert.Equal(["DELETE", "GET"], notAllowed.AllowedMethods);
    }

    [Theory]
    [InlineData("/v1/vms")]
    [InlineData("/v1/vms/vm-42/ports")]
    [InlineData("/v1/vms/vm-42/ports/ssh/extra")]
    [InlineData("/v2/vms/vm-42")]
    public void Paths_no_template_covers_are_not_found(string path)
        => Assert.IsType<RouteMatch.NotFound>(VmRoutes.Match("GET", path));

    [Fact]
    public void Constraints_filter_values_and_rank_above_plain_parameters()
    {
        var table = new RouteTable([HttpFunction("ByName", "items/{name}", "GET"), HttpFunction("ById", "items/{id:int}", "GET")]);

        Assert.Equal("ById", Assert.IsType<RouteMatch.Found>(table.Match("GET", "/items/17")).Function.Name);
        Assert.Equal("ByName", Assert.IsType<RouteMatch.Found>(table.Match("GET", "/items/seventeen")).Function.Name);
    }

    [Fact]
    public void Optional_and_catch_all_parameters_match_missing_and_multi_segment_tails()
    {
        var table = new RouteTable([HttpFunction("List", "pools/{name?}", "GET"), HttpFunction("Files", "files/{*path}", "GET")]);

        Assert.False(Assert.IsType<RouteMatch.Found>(table.Match("GET", "/pools")).RouteValues.ContainsKey("name"));
        Assert.Equal("blue", Assert.IsType<RouteMatch.Found>(table.Match("GET", "/pools/blue")).RouteValues["name"]);
        Assert.Equal("a/b/c.txt", Assert.IsType<RouteMatch.Found>(table.Match("GET", "/files/a/b/c.txt")).RouteValues["path"]);
    }

    [Fact]
    public void A_function_without_methods_accepts_every_method()
    {
        var table = new RouteTable([HttpFunction("Any", "any")]);

        Assert.IsType<RouteMatch.Found>(table.Match("PATCH", "/any"));
    }

    [Fact]
    public void A_catch_all_before_the_last_segment_is_rejected()
        => Assert.Throws<FormatException>(() => RouteTemplate.Parse("files/{*path}/meta"));

    private static FunctionDefinition HttpFunction(string name, string route, params string[] methods)
        => new(name, name, new RpcFunctionMetadata { Name = name }, "httpTrigger",
            new HttpTrigger("req", RouteTemplate.Parse(route), methods.ToHashSet(StringComparer.Ordinal), "Anonymous"), null);
}
