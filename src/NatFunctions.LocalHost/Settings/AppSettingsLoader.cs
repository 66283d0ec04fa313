using System.Collections;
using System.Text.Json;

namespace NatFunctions.LocalHost.Settings;

internal static class AppSettingsLoader
{
    private const string LocalSettingsFileName = "local.settings.json";

    /// <summary>Values from local.settings.json (<paramref name="explicitFile"/>, else the app folder's copy, else the
    /// Functions project's), with the environment winning, as Core Tools does.</summary>
    public static AppSettings Load(string appDirectory, string? repositoryRoot, string? explicitFile, IDictionary environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (explicitFile is not null && !File.Exists(explicitFile))
        {
            throw new LocalHostStartupException($"--local-settings '{explicitFile}' does not exist.");
        }

        var file = explicitFile ?? LocalSettingsCandidates(appDirectory, repositoryRoot).FirstOrDefault(File.Exists);
        if (file is not null)
        {
            foreach (var (name, value) in ReadValues(file))
            {
                values[name] = value;
            }
        }

        foreach (DictionaryEntry entry in environment)
        {
            values[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return new AppSettings(values);
    }

    private static IEnumerable<string> LocalSettingsCandidates(string appDirectory, string? repositoryRoot)
    {
        yield return Path.Combine(appDirectory, LocalSettingsFileName);
        if (repositoryRoot is not null)
        {
            yield return Path.Combine(repositoryRoot, "src", "NatFunctions", LocalSettingsFileName);
        }
    }

    private static IEnumerable<(string Name, string Value)> ReadValues(string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new LocalHostStartupException($"'{file}' is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("Values", out var valuesElement) || valuesElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return valuesElement.EnumerateObject()
                .Select(property => (property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()))
                .ToList();
        }
    }
}
