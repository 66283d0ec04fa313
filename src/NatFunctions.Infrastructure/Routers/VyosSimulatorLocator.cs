namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Finds <c>NatFunctions.VyosSimulator.dll</c> and the <c>dotnet</c> host that runs it, for the simulated transport
/// and for tests that put the simulator behind sshd.
/// </summary>
public static class VyosSimulatorLocator
{
    public const string AssemblyFileName = "NatFunctions.VyosSimulator.dll";

    /// <summary>
    /// In order: the configured path (file or folder), a copy next to the running app, then a build in the repository
    /// (<c>src/NatFunctions.VyosSimulator/bin/&lt;cfg&gt;/net10.0</c> above the app's folder, newest first).
    /// </summary>
    public static string? Find(string? configuredPath = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var candidate = Directory.Exists(configuredPath) ? Path.Combine(configuredPath, AssemblyFileName) : configuredPath;
            return File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, AssemblyFileName);
        if (File.Exists(besideApp) && File.Exists(Path.ChangeExtension(besideApp, ".runtimeconfig.json")))
        {
            return besideApp;
        }

        return FindRepositoryBuild();
    }

    /// <summary>The newest <c>src/NatFunctions.VyosSimulator/bin/&lt;cfg&gt;/net10.0</c> build above the app's folder.</summary>
    public static string? FindRepositoryBuild()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var bin = new DirectoryInfo(Path.Combine(folder.FullName, "src", "NatFunctions.VyosSimulator", "bin"));
            if (!bin.Exists)
            {
                continue;
            }

            var newest = bin.EnumerateFiles(AssemblyFileName, SearchOption.AllDirectories)
                .Where(file => file.Directory?.Name == "net10.0")
                .OrderByDescending(file => file.LastWriteTimeUtc)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest.FullName;
            }
        }

        return null;
    }

    /// <summary>The dotnet host: the SDK's DOTNET_HOST_PATH, this process if it is dotnet, else <c>dotnet</c> on PATH.</summary>
    public static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}
