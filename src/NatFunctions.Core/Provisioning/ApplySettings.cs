namespace NatFunctions.Core.Provisioning;

/// <summary>Setting <c>Apply:WaitSeconds</c>: how long a write waits for the commit that carries it (default 30).</summary>
public sealed record ApplySettings(TimeSpan Wait)
{
    public static readonly ApplySettings Default = new(TimeSpan.FromSeconds(30));
}
