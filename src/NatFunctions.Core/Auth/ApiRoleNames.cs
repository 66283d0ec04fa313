using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth;

public static class ApiRoleNames
{
    public static bool TryParse(string? text, out ApiRole role)
    {
        switch (text)
        {
            case "admin":
                role = ApiRole.Admin;
                return true;
            case "operator":
                role = ApiRole.Operator;
                return true;
            case "reader":
                role = ApiRole.Reader;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
