namespace NatFunctions.Core.Routers.Preflight;

/// <summary>How one preflight check came out: <c>ok</c>, <c>warning</c> (works, but read the message), <c>error</c> (will not work).</summary>
public enum PreflightStatus
{
    Ok,
    Warning,
    Error,
}
