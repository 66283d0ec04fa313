using NatFunctions.Core.Idempotency;

namespace NatFunctions.Core.Tests.Idempotency;

public sealed class IdempotencyPolicyTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(499)]
    public void Successes_and_client_errors_are_final(int status) => Assert.True(IdempotencyPolicy.IsFinal(status));

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(304)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(507)]
    public void Throttling_server_errors_and_the_in_progress_marker_are_not(int status) => Assert.False(IdempotencyPolicy.IsFinal(status));

    [Fact]
    public void Answers_are_kept_a_day_and_claims_outlive_any_apply_wait()
    {
        Assert.Equal(TimeSpan.FromHours(24), IdempotencyPolicy.Retention);
        Assert.True(IdempotencyPolicy.InProgressLeaseFor(TimeSpan.FromSeconds(30)) > TimeSpan.FromSeconds(30));
        // Apply:WaitSeconds allows up to an hour: the claim must still hold when such a wait ends.
        Assert.True(IdempotencyPolicy.InProgressLeaseFor(TimeSpan.FromHours(1)) > TimeSpan.FromHours(1));
    }
}
