namespace NatFunctions.Core.Domain;

/// <summary>Ordered by privilege: a role may do everything the roles below it may.</summary>
public enum ApiRole
{
    Reader = 0,
    Operator = 1,
    Admin = 2,
}
