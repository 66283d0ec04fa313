namespace NatFunctions.Core.Domain;

/// <summary>Audit record of one configure session on a router (or of a sync that found nothing to do).</summary>
public sealed class RouterChange : Entity
{
    public required string Router { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public ChangeTrigger Trigger { get; set; }

    public string? Actor { get; set; }

    /// <summary>The exact command text sent to the router, one command per line.</summary>
    public string Commands { get; set; } = string.Empty;

    public ChangeResult Result { get; set; }

    public string? RouterOutput { get; set; }

    public int DriftMissing { get; set; }

    public int DriftChanged { get; set; }

    public int DriftExtra { get; set; }

    public int UnmanagedSeen { get; set; }
}
