namespace NatFunctions.VyosSimulator;

/// <summary>An injected connection drop: the process ends at once with exit code 255, as ssh reports a lost link.</summary>
internal sealed class SessionDroppedException(string reason) : Exception(reason)
{
    public const int ExitCode = 255;
}
