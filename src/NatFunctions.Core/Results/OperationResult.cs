namespace NatFunctions.Core.Results;

/// <summary>The value of a use case, or the error that stopped it. Expected failures are values, not exceptions.</summary>
public sealed class OperationResult<T>
{
    private OperationResult(T? value, OperationError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public OperationError? Error { get; }

    public bool Succeeded => Error is null;

    public static implicit operator OperationResult<T>(T value) => new(value, null);

    public static implicit operator OperationResult<T>(OperationError error) => new(default, error);
}
