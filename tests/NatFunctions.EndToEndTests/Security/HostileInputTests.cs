using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// Hostile input at every field of every request body (<see cref="HostileRequestCatalog"/>): each request is a 400
/// problem+json naming the field (413 for a body over the limit), its text never echoes the input, and neither the
/// database nor the router's configuration changes. One row per endpoint × field; the row sends every hostile value
/// and compares the snapshots once.
/// </summary>
public sealed partial class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    public static IEnumerable<object[]> Rows => HostileRequestCatalog.Rows();

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_hostile_value_is_refused_naming_the_field_and_changes_nothing(string endpoint, string field)
    {
        var cases = HostileRequestCatalog.Cases(endpoint, field, fixture.TargetKeyId);
        var databaseBefore = await fixture.DatabaseSnapshotAsync();
        var routerBefore = await fixture.Router.ShowConfigurationCommandsAsync();

        var failures = new List<string>();
        foreach (var hostile in cases)
        {
            var failure = await CheckAsync(hostile);
            if (failure is not null)
            {
                failures.Add($"{hostile}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} requests:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.Equal(databaseBefore, await fixture.DatabaseSnapshotAsync());
        Assert.Equal(routerBefore, await fixture.Router.ShowConfigurationCommandsAsync());
    }

    [Fact]
    public void The_catalog_covers_every_field_of_every_request_contract()
    {
        // The request contracts are positional records in src/NatFunctions/Contracts/*Request.cs (with or without a
        // body); their parameter names in snake_case are the JSON fields, so a new field fails this test until the
        // catalog covers it.
        var covered = HostileRequestCatalog.Endpoints.SelectMany(e => e.Fields).Select(f => f.Path.Split('.')[^1]).ToHashSet(StringComparer.Ordinal);
        var contracts = Directory.GetFiles(Path.Combine(BuildOutputs.RepositoryRoot, "src", "NatFunctions", "Contracts"), "*Request.cs");
        var fields = contracts
            .SelectMany(file => ContractRecord().Matches(File.ReadAllText(file)))
            .SelectMany(match => match.Groups["parameters"].Value.Split(',').Select(parameter => (
                Contract: match.Groups["name"].Value,
                Field: JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Trim().Split(' ')[^1]))))
            .ToList();

        Assert.True(fields.Count >= 30, $"only {fields.Count} contract fields found; has the contracts' layout changed?");
        var missing = fields.Where(pair => !covered.Contains(pair.Field)).Select(pair => $"{pair.Contract}.{pair.Field}").ToList();
        Assert.True(missing.Count == 0, "Request fields no hostile case covers: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("/v1/admin/changes?router=local%0A", "router")]
    [InlineData("/v1/admin/changes?router=local%0D%0A", "router")]
    [InlineData("/v1/admin/changes?router=local%E2%80%A8", "router")]
    [InlineData("/v1/vms?router=local%0A", "router")]
    [InlineData("/v1/vms?router=local%E2%80%A8", "router")]
    public async Task A_valid_query_value_followed_by_a_line_break_is_refused(string path, string field)
    {
        using var response = await fixture.AdminClient.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_forged_client_principal_grants_nothing_while_entra_id_is_disabled()
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"mallory"},{"typ":"roles","val":"admin"},{"typ":"roles","val":"NatFunctions.Admin"}]}"""));
        using var reader = fixture.ClientWithKey(fixture.ReaderKey);
        // The key's first use records last_used_at; after that the snapshot must stay as it is.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/vms")).StatusCode);
        var databaseBefore = await fixture.DatabaseSnapshotAsync();

        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/ip-pools")
        {
            Content = new StringContent("""{"name":"forged","router":"local","cidr":"192.168.64.0/24","range_start":"192.168.64.2","range_end":"192.168.64.3"}""", Encoding.UTF8, "application/json"),
        };
        anonymous.Headers.Add("X-MS-CLIENT-PRINCIPAL", forged);
        anonymous.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "mallory");
        using var anonymousResponse = await fixture.Client.SendAsync(anonymous);

        using var withReaderKey = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/api-keys");
        withReaderKey.Headers.Add("X-MS-CLIENT-PRINCIPAL", forged);
        using var readerResponse = await reader.SendAsync(withReaderKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        Assert.Equal("application/problem+json", anonymousResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, readerResponse.StatusCode);
        Assert.Equal(databaseBefore, await fixture.DatabaseSnapshotAsync());
    }

    private async Task<string?> CheckAsync(HostileCase hostile)
    {
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path) { Content = new ByteArrayContent(hostile.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await fixture.AdminClient.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != hostile.ExpectedStatus)
        {
            return $"{(int)response.StatusCode} (expected {hostile.ExpectedStatus}) {Shorten(text)}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType}";
        }

        using var problem = JsonDocument.Parse(text);
        if (hostile.ExpectedStatus == 400)
        {
            if (!problem.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object || !errors.EnumerateObject().Any())
            {
                return $"no field named: {Shorten(text)}";
            }

            var keys = errors.EnumerateObject().Select(property => property.Name).ToList();
            if (hostile.ExpectedField is { } field && (!keys.Any(field.IsNamedBy) || keys.Any(key => !field.IsNamedBy(key))))
            {
                return $"names [{string.Join(", ", keys)}], expected {field.Path}";
            }
        }

        var sent = Encoding.UTF8.GetString(hostile.Body);
        foreach (var hostileText in HostileValues.Strings.Where(s => s.Trim().Length >= 5 && sent.Contains(HostileValues.Quote(s), StringComparison.Ordinal)))
        {
            if (text.Contains(hostileText, StringComparison.Ordinal))
            {
                return "the problem echoes the hostile input";
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"record (?<name>\w+Request)\((?<parameters>[^;{]*?)\)\s*[;{]", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ContractRecord();

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
