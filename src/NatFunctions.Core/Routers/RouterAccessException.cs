namespace NatFunctions.Core.Routers;

/// <summary>A read from a router failed; <see cref="Failure"/> says how, the message says why (no secrets).</summary>
public sealed class RouterAccessException(string routerName, RouterAccessFailure failure, string message, Exception? innerException = null)
    : Exception($"Router '{routerName}': {message}", innerException)
{
    public string RouterName { get; } = routerName;

    public RouterAccessFailure Failure { get; } = failure;
}
