namespace NatFunctions.Core.Domain;

public enum ChangeTrigger
{
    Api,
    Timer,
    Manual,
}
