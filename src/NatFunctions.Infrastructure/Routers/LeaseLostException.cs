namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Raised inside a configure session when the caller's lease check (<c>RouterChangeRequest.LeaseHeld</c>) says no
/// right before <see cref="Command"/>; the session turns it into a <c>LeaseLost</c> result and never sends the command.
/// </summary>
internal sealed class LeaseLostException(string command)
    : Exception($"the router's lease was lost before '{command}'")
{
    public string Command { get; } = command;
}
