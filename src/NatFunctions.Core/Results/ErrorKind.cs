namespace NatFunctions.Core.Results;

/// <summary>What went wrong, in terms the HTTP layer maps to a status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Exhausted,
    RouterRejected,
    PreconditionFailed,
}
