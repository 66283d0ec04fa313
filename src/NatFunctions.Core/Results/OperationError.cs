namespace NatFunctions.Core.Results;

/// <summary>
/// A failure a caller can act on. <see cref="FieldErrors"/> names each bad field (snake_case, as in the request);
/// <see cref="Conflicts"/> lists what a request clashed with. Never carries internal text.
/// </summary>
public sealed record OperationError(
    ErrorKind Kind,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null,
    IReadOnlyList<string>? Conflicts = null)
{
    public static OperationError Validation(FieldErrors errors) =>
        new(ErrorKind.Validation, "The request is not valid.", "One or more fields are invalid; see errors.", errors.ToDictionary());

    public static OperationError NotFound(string what) =>
        new(ErrorKind.NotFound, "Not found.", $"{what} does not exist.");

    public static OperationError Conflict(string detail, IReadOnlyList<string>? conflicts = null) =>
        new(ErrorKind.Conflict, "Conflict.", detail, Conflicts: conflicts);
}
