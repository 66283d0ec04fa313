using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NatFunctions;
using NatFunctions.Core;
using NatFunctions.Http;
using NatFunctions.Infrastructure;
using NatFunctions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
ThreadPoolFloor.Apply(builder.Configuration);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<MetricsMiddleware>();
builder.UseMiddleware<ExceptionMiddleware>();
builder.UseMiddleware<AuthorizationMiddleware>();
builder.UseMiddleware<RateLimitMiddleware>();

builder.Services
    .AddCore(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddHttpParts(builder.Configuration)
    .AddAzureMonitorMetricsIfConfigured(builder.Configuration);
builder.Logging.AddJsonLineConsole();

var app = builder.Build();
await app.MigrateDatabaseIfConfiguredAsync();
await app.CreateConfiguredPoolsAsync();
await app.RunAsync();
