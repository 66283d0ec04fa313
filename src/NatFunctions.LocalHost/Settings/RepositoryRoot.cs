namespace NatFunctions.LocalHost.Settings;

/// <summary>The folder holding NatFunctions.sln, found from the working directory or from this host's own build output.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFileName = "NatFunctions.sln";

    public static string? Find()
        => FindAbove(Directory.GetCurrentDirectory()) ?? FindAbove(AppContext.BaseDirectory);

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
