namespace NatFunctions.Core.Idempotency;

/// <summary>How long answers are kept and which answers are final enough to replay.</summary>
public static class IdempotencyPolicy
{
    /// <summary>Long enough for any client's retries, short enough that the table stays small.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>What a write may take beyond its wait for the router: validation, allocation, reads, saves.</summary>
    public static readonly TimeSpan InProgressMargin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a claim for a request still running holds the key. A request waits at most <paramref name="applyWait"/>
    /// (Apply:WaitSeconds, up to an hour) for the router, so a claim older than that plus
    /// <see cref="InProgressMargin"/> belongs to an instance that died mid-request and may be taken over; a shorter
    /// lease would let a retry run the write a second time while the first still waits.
    /// </summary>
    public static TimeSpan InProgressLeaseFor(TimeSpan applyWait) => applyWait + InProgressMargin;

    /// <summary>
    /// 2xx and 4xx are the request's real outcome and must come back the same on a retry. 5xx and 429 say "try again
    /// later": storing them would turn a passing fault into a permanent answer.
    /// </summary>
    public static bool IsFinal(int statusCode) =>
        statusCode is >= 200 and < 300 || (statusCode is >= 400 and < 500 && statusCode != 429);
}
