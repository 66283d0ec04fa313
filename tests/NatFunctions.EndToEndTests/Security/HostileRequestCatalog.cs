using System.Text;
using System.Text.Json.Nodes;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// Every request body of the API (src/NatFunctions/Contracts, one entry per endpoint that reads a body) with every
/// field, and the hostile requests made from them: each field × each hostile value, the field sent twice, and per
/// endpoint unknown properties, malformed JSON, non-object bodies and a body over the limit.
/// </summary>
public static class HostileRequestCatalog
{
    /// <summary>The field name of cases that concern the whole body rather than one field.</summary>
    public const string WholeBody = "(body)";

    /// <summary>The field name of the cases that put hostile text into the URL's port name.</summary>
    public const string PortNameInPath = "(port_name in path)";

    private const string Placeholder = "\"__hostile_value__\"";

    public static readonly IReadOnlyList<HostileEndpoint> Endpoints =
    [
        new("provision", "POST", "/v1/vms/provision",
            """
            {"vm_name":"hostile-probe","mac_address":"52:54:00:aa:bb:cc","router":"local","ip_pool":"lan","ports":["ssh"],
             "forwards":[{"port_name":"web","internal_port":8080,"protocol":"tcp","external_port":32500,"source_ip":"203.0.113.0/24","custom_description":"probe"}],
             "protocol":"tcp","source_ip":"198.51.100.7","custom_description":"probe","metadata":{"owner":"security"}}
            """,
            [
                new("vm_name", HostileFieldKind.Word, Required: true),
                new("mac_address", HostileFieldKind.Address),
                new("router", HostileFieldKind.Word),
                new("ip_pool", HostileFieldKind.Word),
                new("ports", HostileFieldKind.WordArray),
                new("ports[0]", HostileFieldKind.Word),
                new("forwards", HostileFieldKind.ObjectArray),
                new("forwards[0].port_name", HostileFieldKind.Word, Required: true),
                new("forwards[0].internal_port", HostileFieldKind.Port, Required: true),
                new("forwards[0].protocol", HostileFieldKind.Word),
                new("forwards[0].external_port", HostileFieldKind.Port),
                new("forwards[0].source_ip", HostileFieldKind.Address),
                new("forwards[0].custom_description", HostileFieldKind.Description),
                new("protocol", HostileFieldKind.Word),
                new("source_ip", HostileFieldKind.Address),
                new("custom_description", HostileFieldKind.Description),
                new("metadata", HostileFieldKind.JsonObject),
            ]),
        new("template-ports", "POST", $"/v1/vms/{HostileInputFixture.TargetVm}/ports/template",
            """{"action":"create","ports":["http"],"protocol":"tcp","source_ip":"198.51.100.7","custom_description":"probe"}""",
            [
                new("action", HostileFieldKind.Word, Required: true),
                new("ports", HostileFieldKind.WordArray),
                new("ports[0]", HostileFieldKind.Word),
                new("protocol", HostileFieldKind.Word),
                new("source_ip", HostileFieldKind.Address),
                new("custom_description", HostileFieldKind.Description),
                new("internal_port", HostileFieldKind.Port),
                new("external_port", HostileFieldKind.Port),
            ]),
        new("named-port", "POST", $"/v1/vms/{HostileInputFixture.TargetVm}/ports/extra",
            """{"action":"create","internal_port":8081,"external_port":32600,"protocol":"tcp","source_ip":"198.51.100.7","custom_description":"probe"}""",
            [
                new("action", HostileFieldKind.Word, Required: true),
                new("internal_port", HostileFieldKind.Port),
                new("external_port", HostileFieldKind.Port),
                new("protocol", HostileFieldKind.Word),
                new("source_ip", HostileFieldKind.Address),
                new("custom_description", HostileFieldKind.Description),
            ]),
        new("ip-pool-create", "POST", "/v1/admin/ip-pools",
            """{"name":"probe-pool","router":"local","cidr":"192.168.64.0/24","range_start":"192.168.64.2","range_end":"192.168.64.3","is_active":true}""",
            [
                new("name", HostileFieldKind.Word, Required: true),
                new("router", HostileFieldKind.Word, Required: true),
                new("cidr", HostileFieldKind.Address, Required: true),
                new("range_start", HostileFieldKind.Address, Required: true),
                new("range_end", HostileFieldKind.Address, Required: true),
                new("is_active", HostileFieldKind.Boolean),
            ]),
        new("ip-pool-replace", "PUT", "/v1/admin/ip-pools/lan",
            """{"name":"lan","router":"local","cidr":"192.168.64.0/24","range_start":"192.168.64.10","range_end":"192.168.64.249","is_active":true}""",
            [
                new("name", HostileFieldKind.Word),
                new("router", HostileFieldKind.Word),
                new("cidr", HostileFieldKind.Address, Required: true),
                new("range_start", HostileFieldKind.Address, Required: true),
                new("range_end", HostileFieldKind.Address, Required: true),
                new("is_active", HostileFieldKind.Boolean),
            ]),
        new("port-pool-create", "POST", "/v1/admin/port-pools",
            """{"name":"probe-ports","router":"local","start_port":40000,"end_port":40100,"is_active":true}""",
            [
                new("name", HostileFieldKind.Word, Required: true),
                new("router", HostileFieldKind.Word, Required: true),
                new("start_port", HostileFieldKind.Port, Required: true),
                new("end_port", HostileFieldKind.Port, Required: true),
                new("is_active", HostileFieldKind.Boolean),
            ]),
        new("port-pool-replace", "PUT", "/v1/admin/port-pools/ext",
            """{"name":"ext","router":"local","start_port":32000,"end_port":33998,"is_active":true}""",
            [
                new("name", HostileFieldKind.Word),
                new("router", HostileFieldKind.Word),
                new("start_port", HostileFieldKind.Port, Required: true),
                new("end_port", HostileFieldKind.Port, Required: true),
                new("is_active", HostileFieldKind.Boolean),
            ]),
        new("api-key-create", "POST", "/v1/admin/api-keys",
            """{"name":"probe-key","role":"reader","expires_at":"2099-01-01T00:00:00Z"}""",
            [
                new("name", HostileFieldKind.Word, Required: true),
                new("role", HostileFieldKind.Word, Required: true),
                new("expires_at", HostileFieldKind.Timestamp),
            ]),
        new("api-key-update", "PATCH", "/v1/admin/api-keys/{key_id}",
            """{"name":"probe-renamed","role":"operator","expires_at":"2099-01-01T00:00:00Z","clear_expiry":false,"revoked":false}""",
            [
                new("name", HostileFieldKind.Word),
                new("role", HostileFieldKind.Word),
                new("expires_at", HostileFieldKind.Timestamp),
                new("clear_expiry", HostileFieldKind.Boolean),
                new("revoked", HostileFieldKind.Boolean),
            ]),
    ];

    private static readonly string[] MalformedBodies =
    [
        "{", "{\"name\":}", "{'name':'x'}", "{\"name\":\"x\",}", "// comment\n{}", "{} {}", "{\"name\":\"x\"} trailing",
        "{\"name\":\"a\nb\"}", "{\"name\":NaN}", "{\"name\":\"\\x41\"}", "{\"name\":\"\\ud800\"", "\"unterminated",
    ];

    private static readonly string[] NonObjectBodies = ["", "[]", "\"text\"", "1", "null", "true", "  "];

    private static readonly string[] HostilePortNames = ["x;reboot", "%24(reboot)", "x%0Aset", "x%27q", "%D0%B0pp", "APP", "x%E2%80%90y", "x%60id%60", "web%0A", "web%0D%0A", "web%E2%80%A8"];

    /// <summary>(endpoint, field) pairs for the theory: every field of every endpoint, plus the whole-body cases.</summary>
    public static IEnumerable<object[]> Rows() => Endpoints.SelectMany(endpoint =>
        endpoint.Fields.Select(field => new object[] { endpoint.Name, field.Path })
            .Append([endpoint.Name, WholeBody])
            .Concat(endpoint.Name == "named-port" ? [[endpoint.Name, PortNameInPath]] : Array.Empty<object[]>()));

    public static IReadOnlyList<HostileCase> Cases(string endpointName, string fieldPath, long keyId)
    {
        var endpoint = Endpoints.Single(e => e.Name == endpointName);
        var path = endpoint.Path.Replace("{key_id}", keyId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (fieldPath == WholeBody)
        {
            return WholeBodyCases(endpoint, path).ToList();
        }

        if (fieldPath == PortNameInPath)
        {
            var field = new HostileField("port_name", HostileFieldKind.Word);
            return HostilePortNames
                .Select(name => new HostileCase($"port name '{name}'", endpoint.Method, path[..path.LastIndexOf('/')] + "/" + name, Utf8(endpoint.ValidBody), 400, field))
                .ToList();
        }

        var target = endpoint.Fields.Single(f => f.Path == fieldPath);
        var cases = HostileValues.For(target)
            .Concat(ValidValueWithLineBreaks(endpoint.ValidBody, target.Path))
            .Select(value => new HostileCase($"{target.Path} = {value.Label}", endpoint.Method, path, Utf8(WithValue(endpoint.ValidBody, target.Path, value.Json)), 400, target))
            .ToList();
        // An array element cannot be sent twice; for one, the array's own property is.
        var duplicated = target.Path.EndsWith(']') ? new HostileField(target.Path[..target.Path.LastIndexOf('[')], target.Kind) : target;
        cases.Add(new HostileCase($"{duplicated.Path} sent twice", endpoint.Method, path, Utf8(WithDuplicate(endpoint.ValidBody, duplicated.Path)), 400, duplicated));
        return cases;
    }

    private static IEnumerable<HostileCase> WholeBodyCases(HostileEndpoint endpoint, string path)
    {
        HostileCase Case(string description, byte[] body, int status, HostileField? field = null) =>
            new(description, endpoint.Method, path, body, status, field);

        var unknown = new HostileField("unexpected_field", HostileFieldKind.Word);
        yield return Case("unknown property", Utf8(WithExtraProperty(endpoint.ValidBody, null)), 400, unknown);
        if (endpoint.Fields.Any(f => f.Path.StartsWith("forwards[0].", StringComparison.Ordinal)))
        {
            yield return Case(
                "unknown nested property",
                Utf8(WithExtraProperty(endpoint.ValidBody, "forwards[0]")),
                400,
                new HostileField("forwards[0].unexpected_field", HostileFieldKind.Word));
        }

        foreach (var body in MalformedBodies.Concat(NonObjectBodies))
        {
            yield return Case($"body {HostileValues.Quote(body)}", Utf8(body), 400);
        }

        yield return Case("invalid UTF-8", [(byte)'{', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)':', (byte)'1', (byte)'}'], 400);

        var first = endpoint.Fields.First(f => f.Kind == HostileFieldKind.Word);
        yield return Case(
            "100 kB string (over the body limit)",
            Utf8(WithValue(endpoint.ValidBody, first.Path, HostileValues.Quote(new string('a', 100_000)))),
            413);
    }

    /// <summary>
    /// The field's valid text value followed by a line break: .NET's <c>$</c> matches before a final <c>\n</c>, so a
    /// check written <c>^…$</c> accepts <c>"web-01\n"</c>; every field must refuse it (and the other line breaks).
    /// </summary>
    private static IEnumerable<(string Label, string Json)> ValidValueWithLineBreaks(string validBody, string fieldPath)
    {
        var (parent, name) = Locate(JsonNode.Parse(validBody)!.AsObject(), fieldPath);
        var value = parent is JsonArray array ? array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] : parent.AsObject()[name];
        if (value is not JsonValue text || !text.TryGetValue<string>(out var valid))
        {
            return [];
        }

        return HostileValues.LineBreaks.Select(lineBreak => ($"valid value + {HostileValues.Quote(lineBreak)}", HostileValues.Quote(valid + lineBreak)));
    }

    /// <summary>The valid body with the value at <paramref name="fieldPath"/> replaced by raw JSON.</summary>
    public static string WithValue(string validBody, string fieldPath, string rawJson)
    {
        var root = JsonNode.Parse(validBody)!.AsObject();
        var (parent, name) = Locate(root, fieldPath);
        if (parent is JsonArray array)
        {
            array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] = JsonValue.Create("__hostile_value__");
        }
        else
        {
            parent.AsObject()[name] = JsonValue.Create("__hostile_value__");
        }

        return root.ToJsonString().Replace(Placeholder, rawJson, StringComparison.Ordinal);
    }

    private static string WithDuplicate(string validBody, string fieldPath)
    {
        var root = JsonNode.Parse(validBody)!.AsObject();
        var (parent, name) = Locate(root, fieldPath);
        var original = parent.AsObject()[name]?.ToJsonString() ?? "null";
        parent.AsObject()[name] = JsonValue.Create("__hostile_value__");
        return root.ToJsonString().Replace(Placeholder, $"{original},\"{name}\":{original}", StringComparison.Ordinal);
    }

    private static string WithExtraProperty(string validBody, string? objectPath)
    {
        var root = JsonNode.Parse(validBody)!.AsObject();
        var target = objectPath is null ? root : Navigate(root, objectPath).AsObject();
        target["unexpected_field"] = "x";
        return root.ToJsonString();
    }

    private static (JsonNode Parent, string Name) Locate(JsonObject root, string fieldPath)
    {
        var last = Math.Max(fieldPath.LastIndexOf('.'), fieldPath.LastIndexOf('['));
        if (last < 0)
        {
            return (root, fieldPath);
        }

        var parent = Navigate(root, fieldPath[..last]);
        return fieldPath[last] == '[' ? (parent, fieldPath[(last + 1)..^1]) : (parent, fieldPath[(last + 1)..]);
    }

    private static JsonNode Navigate(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            node = bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
