namespace NatFunctions.Core.Domain;

public static class ChangeTriggers
{
    /// <summary>A caller's write (api or mcp): its session applies that caller's own pending rows, which is not a sync and not drift.</summary>
    public static bool IsWrite(this ChangeTrigger trigger) => trigger is ChangeTrigger.Api or ChangeTrigger.Mcp;
}
