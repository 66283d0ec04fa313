namespace NatFunctions.Testing;

/// <summary>
/// A simulator's <c>--command-log</c> file, appended to by every session (shell) or request (api) while it is read:
/// its length now, and the whole lines written after an earlier length.
/// </summary>
public static class CommandLogFile
{
    public static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public static async Task<IReadOnlyList<string>> ReadSinceAsync(string path, long offset, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return [];
        await using var log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        log.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(log);
        var text = await reader.ReadToEndAsync(cancellationToken);
        // A session may be writing its last line right now: only whole lines count.
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
