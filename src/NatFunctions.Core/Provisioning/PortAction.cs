namespace NatFunctions.Core.Provisioning;

public enum PortAction
{
    Create,
    Delete,
    Pause,
    Enable,
    Disable,
    Update,
}
