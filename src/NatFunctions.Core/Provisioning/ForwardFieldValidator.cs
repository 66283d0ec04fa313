using NatFunctions.Core.Domain;
using NatFunctions.Core.Networking;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Provisioning;

/// <summary>Validation shared by provisioning and port actions: protocol, source, description and port numbers.</summary>
public static class ForwardFieldValidator
{
    public const string PortRule = "must be a whole number from 1 to 65535";

    public static ForwardProtocol? Protocol(string? text, string field, FieldErrors errors, ForwardProtocol? fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (ProtocolNames.TryParse(text, out var protocol))
        {
            return protocol;
        }

        errors.Add(field, ProtocolNames.Rule);
        return null;
    }

    public static string? Source(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (SourceAddress.TryNormalise(text, out var normalised))
        {
            return normalised;
        }

        errors.Add(field, $"must be {SourceAddress.Rule}");
        return null;
    }

    public static string? Description(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (CustomDescription.IsValid(text))
        {
            return text;
        }

        errors.Add(field, $"must be {CustomDescription.Rule}");
        return null;
    }

    public static int? Port(int? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value is >= 1 and <= 65535)
        {
            return value;
        }

        errors.Add(field, PortRule);
        return null;
    }
}
