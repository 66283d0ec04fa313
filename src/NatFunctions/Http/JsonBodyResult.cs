namespace NatFunctions.Http;

/// <summary>Either the parsed request or the problem to answer with.</summary>
public sealed class JsonBodyResult<T>
    where T : class
{
    private JsonBodyResult(T? value, ProblemResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ProblemResult? Problem { get; }

    public static implicit operator JsonBodyResult<T>(T value) => new(value, null);

    public static implicit operator JsonBodyResult<T>(ProblemResult problem) => new(null, problem);
}
