namespace NatFunctions.Core.Domain;

public enum ForwardStatus
{
    Enabled,
    Disabled,
}
