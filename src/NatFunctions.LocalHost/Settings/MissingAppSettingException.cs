namespace NatFunctions.LocalHost.Settings;

internal sealed class MissingAppSettingException(string settingName)
    : Exception($"The app setting '{settingName}' is not set (environment or local.settings.json Values).")
{
    public string SettingName { get; } = settingName;
}
