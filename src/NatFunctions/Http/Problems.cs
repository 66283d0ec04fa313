using NatFunctions.Core.Results;

namespace NatFunctions.Http;

/// <summary>The problems the API answers with, in one place so titles stay consistent.</summary>
public static class Problems
{
    public static ProblemResult Unauthorized(string detail) => new(401, "Authentication required.", detail);

    public static ProblemResult Forbidden(string detail) => new(403, "Forbidden.", detail);

    public static ProblemResult BadRequest(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(400, "The request is not valid.", detail, errors);

    public static ProblemResult NotFound(string detail) => new(404, "Not found.", detail);

    /// <summary>A query-string switch that is neither true nor false (<see cref="QueryParameters.TryReadFlag"/>).</summary>
    public static ProblemResult NotAFlag(string parameter) =>
        BadRequest($"{parameter} must be true or false.", new Dictionary<string, string[]> { [parameter] = ["must be true or false"] });

    public static ProblemResult PayloadTooLarge(long limit) =>
        new(413, "Request body too large.", $"The request body must not exceed {limit} bytes.");

    public static ProblemResult Internal() =>
        new(500, "Internal server error.", "The request failed unexpectedly; quote the correlation_id when reporting it.");

    public static ProblemResult From(OperationError error) => error.Kind switch
    {
        ErrorKind.Validation => new(400, error.Title, error.Detail, error.FieldErrors),
        ErrorKind.NotFound => new(404, error.Title, error.Detail),
        ErrorKind.Conflict => new(409, error.Title, error.Detail, conflicts: error.Conflicts),
        ErrorKind.PreconditionFailed => new(412, error.Title, error.Detail),
        ErrorKind.RouterRejected => new(422, error.Title, error.Detail),
        ErrorKind.Exhausted => new(507, error.Title, error.Detail, conflicts: error.Conflicts),
        _ => Internal(),
    };
}
