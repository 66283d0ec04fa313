namespace NatFunctions.Infrastructure.Routers;

/// <summary>The channel to the router broke, timed out, or could not be opened. The message is safe to log.</summary>
internal class RouterChannelException(string message, Exception? innerException = null) : Exception(message, innerException);
