namespace NatFunctions.Infrastructure.Hosting;

/// <summary>
/// Where a local run keeps its state when nothing is configured (the SQLite file, the simulated router's state):
/// <c>~/.local/share/natfunctions</c> on Linux, the temp folder when the user has no profile (a service account).
/// It reads the process environment, so it lives here and not in Core (decision 0001).
/// </summary>
public static class LocalDataFolder
{
    public static string Root
    {
        get
        {
            var profileData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(profileData) ? Path.GetTempPath() : profileData, "natfunctions");
        }
    }
}
