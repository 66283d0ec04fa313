using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Foundation;

/// <summary>
/// App settings that come only from local.settings.json <c>Values</c> (a second router), and one that is in both
/// places (the bootstrap key), where the environment must win as it does under Core Tools.
/// </summary>
public sealed class LocalSettingsValuesFixture : LocalHostFixture
{
    public const string ValuesOnlyRouter = "edge";
    public const string ShadowedBootstrapKey = "values-file-bootstrap-key-000000000001";

    protected override void ConfigureLocalSettings(IDictionary<string, string> values)
    {
        values[$"Routers__{ValuesOnlyRouter}__Transport"] = "simulated";
        values[$"Routers__{ValuesOnlyRouter}__StateDir"] = Path.Combine(ScratchDirectory, "router-edge");
        values["Auth__BootstrapAdminKey"] = ShadowedBootstrapKey;
    }
}
