namespace NatFunctions.Infrastructure.Routers;

/// <summary>An HTTP API request that got no answer; <see cref="Failure"/> says whether it may have been carried out.</summary>
internal sealed class VyosApiException(VyosApiFailure failure, string message, Exception? innerException = null) : Exception(message, innerException)
{
    public VyosApiFailure Failure { get; } = failure;
}
