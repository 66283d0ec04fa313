using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Foundation;

/// <summary>
/// The production deployment path: the app starts on an empty database with <c>Database:MigrateOnStartup=false</c>
/// and the pipeline applies the migrations by calling <c>POST /v1/admin/migrate</c>.
/// </summary>
public sealed class UnmigratedDatabaseFixture : LocalHostFixture
{
    protected override void ConfigureEnvironment(IDictionary<string, string?> environment) =>
        environment["Database__MigrateOnStartup"] = "false";
}
