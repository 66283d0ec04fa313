using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NatFunctions;
using NatFunctions.Http;
using NatFunctions.Infrastructure;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionMiddleware>();
builder.UseMiddleware<AuthorizationMiddleware>();
builder.UseMiddleware<RateLimitMiddleware>();

builder.Services
    .AddInfrastructure(builder.Configuration)
    .AddUseCases(builder.Configuration);

var app = builder.Build();
await app.MigrateDatabaseIfConfiguredAsync();
await app.RunAsync();
