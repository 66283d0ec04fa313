using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.FirstRun;

/// <summary>
/// README's one-command local run: no router and no pool configured, so the app uses the simulated router
/// <c>local</c> and its default pools. The user data folder is moved into the scratch folder (XDG_DATA_HOME).
/// </summary>
public sealed class EmbeddedDefaultsFixture : LocalHostFixture
{
    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        environment["Routers__local__Transport"] = null;
        environment["Routers__local__StateDir"] = null;
        environment["XDG_DATA_HOME"] = Path.Combine(ScratchDirectory, "xdg-data");
    }
}
