using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator.Api;

/// <summary>
/// <c>api</c>: serves <see cref="ApiEndpoints"/> over HTTPS on 127.0.0.1 with Kestrel until stopped (SIGTERM/Ctrl+C).
/// VyOS's API listens behind nginx on 443 with the router's certificate (sagitta:data/templates/https/nginx.default.j2);
/// here the port and the PEM pair are given.
/// </summary>
internal static class ApiHost
{
    public static int Run(ApiOptions options, TextWriter error)
    {
        if (!new StateDirectory(options.Router.StateDirectory).IsInitialized)
        {
            error.Write($"vyos-sim: state directory '{options.Router.StateDirectory}' is not initialised; run init first.\n");
            return 1;
        }

        var certificate = X509Certificate2.CreateFromPemFile(options.CertificatePath, options.KeyPath);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate)));
        using var app = builder.Build();
        var endpoints = new ApiEndpoints(options.Router, TimeProvider.System);
        app.Run(async context =>
        {
            var form = new Dictionary<string, string>(StringComparer.Ordinal);
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                foreach (var field in await context.Request.ReadFormAsync().ConfigureAwait(false)) form[field.Key] = field.Value.ToString();
            }

            // Off the request's thread and token: a commit goes on after the caller hung up, as VyOS's does.
            var reply = HttpMethods.IsPost(context.Request.Method)
                ? await Task.Run(() => endpoints.Handle(context.Request.Path.Value ?? "/", form), CancellationToken.None).ConfigureAwait(false)
                : ApiReply.NotFound();
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.Status == 404 ? "application/json" : "text/html; charset=utf-8";
            await context.Response.WriteAsync(reply.Body, CancellationToken.None).ConfigureAwait(false);
        });
        app.Run();
        return 0;
    }
}
