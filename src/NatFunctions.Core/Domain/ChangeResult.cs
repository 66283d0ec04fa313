namespace NatFunctions.Core.Domain;

public enum ChangeResult
{
    Committed,
    Rejected,
    TransportError,
    NoChange,
}
