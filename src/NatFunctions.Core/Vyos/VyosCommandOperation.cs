namespace NatFunctions.Core.Vyos;

public enum VyosCommandOperation
{
    Set,
    Delete,
}
