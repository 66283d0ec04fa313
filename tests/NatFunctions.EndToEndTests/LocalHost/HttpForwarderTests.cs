using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NatFunctions.LocalHost.Http;

namespace NatFunctions.EndToEndTests.LocalHost;

/// <summary>
/// The proxy half of an HTTP invocation against a real Kestrel standing in for the worker's HttpUri endpoint, for
/// what the app's current functions (a GET without body) cannot show: bodies, queries, headers both ways.
/// </summary>
public sealed class HttpForwarderTests : IAsyncLifetime
{
    private WebApplication? echo;
    private Uri echoAddress = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        echo = builder.Build();
        echo.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var seen = new
            {
                method = context.Request.Method,
                target = context.Request.Path + context.Request.QueryString,
                host = context.Request.Host.Value,
                invocation = context.Request.Headers[HttpForwarder.InvocationIdHeader].ToString(),
                custom = context.Request.Headers["X-Custom"].ToString(),
                keepAlive = context.Request.Headers["Keep-Alive"].ToString(),
                contentType = context.Request.ContentType,
                body = await reader.ReadToEndAsync(context.RequestAborted),
            };
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Location = "/v1/things/1";
            context.Response.Headers["X-Echo"] = "yes";
            await context.Response.WriteAsJsonAsync(seen, context.RequestAborted);
        });
        await echo.StartAsync();
        echoAddress = new Uri(echo.Urls.Single() + "/");
    }

    public async Task DisposeAsync()
    {
        if (echo is not null)
        {
            await echo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Forwards_method_target_body_and_end_to_end_headers_and_copies_the_answer_back()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("api.example.test");
        context.Request.Path = "/v1/things";
        context.Request.QueryString = new QueryString("?dry_run=true&name=a%20b");
        context.Request.ContentType = "application/json";
        var body = """{"name":"thing"}"""u8.ToArray();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Request.Headers["X-Custom"] = "kept";
        context.Request.Headers.Connection = "keep-alive, Keep-Alive";
        context.Request.Headers["Keep-Alive"] = "timeout=5";
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        using var forwarder = new HttpForwarder();

        await forwarder.ForwardAsync(context, echoAddress, "invocation-1", CancellationToken.None);

        Assert.Equal(StatusCodes.Status201Created, context.Response.StatusCode);
        Assert.Equal("/v1/things/1", context.Response.Headers.Location.ToString());
        Assert.Equal("yes", context.Response.Headers["X-Echo"].ToString());
        Assert.False(context.Response.Headers.ContainsKey("Transfer-Encoding"));
        using var seen = JsonDocument.Parse(responseBody.ToArray());
        var root = seen.RootElement;
        Assert.Equal("POST", root.GetProperty("method").GetString());
        Assert.Equal("/v1/things?dry_run=true&name=a%20b", root.GetProperty("target").GetString());
        Assert.Equal("api.example.test", root.GetProperty("host").GetString());
        Assert.Equal("invocation-1", root.GetProperty("invocation").GetString());
        Assert.Equal("kept", root.GetProperty("custom").GetString());
        Assert.Equal(string.Empty, root.GetProperty("keepAlive").GetString());
        Assert.Equal("application/json", root.GetProperty("contentType").GetString());
        Assert.Equal("""{"name":"thing"}""", root.GetProperty("body").GetString());
    }

    [Fact]
    public async Task An_unreachable_worker_surfaces_as_HttpRequestException()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/v1/health";
        using var forwarder = new HttpForwarder();
        var closedPort = new Uri("http://127.0.0.1:1/");

        await Assert.ThrowsAsync<HttpRequestException>(() => forwarder.ForwardAsync(context, closedPort, "invocation-2", CancellationToken.None));
    }
}
