using NatFunctions.LocalHost.Hosting;
using NatFunctions.LocalHost.Settings;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLocalHost();
    var app = builder.Build();
    app.MapFunctions();
    await app.RunAsync();
    return Environment.ExitCode;
}
catch (LocalHostStartupException exception)
{
    await Console.Error.WriteLineAsync($"LocalHost could not start: {exception.Message}");
    return 1;
}
