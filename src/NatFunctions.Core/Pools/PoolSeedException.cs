using NatFunctions.Core.Results;

namespace NatFunctions.Core.Pools;

/// <summary>Configured pools that could not be created; the app refuses to start so the settings get fixed.</summary>
public sealed class PoolSeedException(IReadOnlyList<string> problems)
    : Exception("configured pools could not be created: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public static string Describe(string key, OperationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var fields = error.FieldErrors is { Count: > 0 } errors
            ? string.Join(", ", errors.Select(pair => $"{pair.Key} {string.Join(" and ", pair.Value)}"))
            : error.Detail;
        return $"{key}: {fields}";
    }
}
