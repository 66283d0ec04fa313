namespace NatFunctions.LocalHost.Settings;

/// <summary>A problem the user can fix (missing build, bad app directory, worker that fails to start).</summary>
internal sealed class LocalHostStartupException(string message, Exception? inner = null) : Exception(message, inner);
