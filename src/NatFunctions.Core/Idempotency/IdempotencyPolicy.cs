namespace NatFunctions.Core.Idempotency;

/// <summary>How long answers are kept and which answers are final enough to replay.</summary>
public static class IdempotencyPolicy
{
    /// <summary>Long enough for any client's retries, short enough that the table stays small.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim for a request still running holds the key. A request waits at most Apply:WaitSeconds for the
    /// router, so a claim older than this belongs to an instance that died mid-request and may be taken over.
    /// </summary>
    public static readonly TimeSpan InProgressLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// 2xx and 4xx are the request's real outcome and must come back the same on a retry. 5xx and 429 say "try again
    /// later": storing them would turn a passing fault into a permanent answer.
    /// </summary>
    public static bool IsFinal(int statusCode) =>
        statusCode is >= 200 and < 300 || (statusCode is >= 400 and < 500 && statusCode != 429);
}
