using System.Text.Json;

namespace NatFunctions.LocalHost.Settings;

/// <summary>The launch description the Functions SDK writes next to the worker (worker.config.json).</summary>
internal sealed record WorkerConfig(string ExecutablePath, string WorkerPath)
{
    public const string FileName = "worker.config.json";

    public static WorkerConfig Read(string appDirectory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, FileName)));
        var description = document.RootElement.GetProperty("description");
        var executable = description.TryGetProperty("defaultExecutablePath", out var exe) ? exe.GetString() : null;
        var worker = description.TryGetProperty("defaultWorkerPath", out var path) ? path.GetString() : null;
        if (string.IsNullOrWhiteSpace(worker))
        {
            throw new LocalHostStartupException($"{FileName} in '{appDirectory}' names no defaultWorkerPath.");
        }

        return new WorkerConfig(string.IsNullOrWhiteSpace(executable) ? "dotnet" : executable, Path.Combine(appDirectory, worker));
    }
}
