using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator;

/// <summary>A <c>set</c>/<c>delete</c> argument list split into node path and value, or the error VyOS would print.</summary>
internal sealed record ResolvedPath(IReadOnlyList<string> Path, string? Value, ValueMode Mode, CliMessage? Error)
{
    public static ResolvedPath Failed(CliMessage error) => new([], null, ValueMode.Replace, error);
}
