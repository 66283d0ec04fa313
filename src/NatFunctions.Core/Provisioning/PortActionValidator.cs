using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// Validates a PortActionRequest for the template endpoint (<c>portName</c> null) or for one forward. A field the
/// action would not use is refused by name rather than ignored, so a caller never believes a value was taken.
/// </summary>
public static class PortActionValidator
{
    public static OperationResult<ValidatedPortAction> Validate(PortActionInput input, string? portName)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var action = ParseAction(input.Action);
        if (action is null || (portName is null && action == PortAction.Update))
        {
            errors.Add("action", portName is null
                ? "is required and must be one of: create, delete, pause, enable, disable"
                : "is required and must be one of: create, delete, pause, enable, disable, update");
        }

        var names = portName is null ? TemplateNames(input, errors) : SingleName(input, portName, errors);

        var protocol = ForwardFieldValidator.Protocol(input.Protocol, "protocol", errors, fallback: null);
        var source = ForwardFieldValidator.Source(input.SourceIp, "source_ip", errors);
        var description = ForwardFieldValidator.Description(input.CustomDescription, "custom_description", errors);
        var internalPort = ForwardFieldValidator.Port(input.InternalPort, "internal_port", errors);
        var externalPort = ForwardFieldValidator.Port(input.ExternalPort, "external_port", errors);

        // Whether a field applies depends on the action; with no valid action there is nothing to judge it by.
        if (action is { } known && !(portName is null && known == PortAction.Update))
        {
            RefuseFieldsThatDoNotApply(input, known, portName, errors);
        }

        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        var clearing = action == PortAction.Update;
        return new ValidatedPortAction(
            action!.Value, names, protocol, source, description, internalPort, externalPort,
            clearing && input.ClearSourceIp, clearing && input.ClearCustomDescription);
    }

    private static List<string> TemplateNames(PortActionInput input, FieldErrors errors)
    {
        var names = new List<string>();
        var ports = input.Ports ?? TemplatePorts.Default;
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not { } name || !TemplatePorts.IsTemplate(name))
            {
                errors.Add($"ports[{i}]", "must be one of: ssh, http, https");
            }
            else if (names.Contains(name))
            {
                errors.Add($"ports[{i}]", "is listed more than once");
            }
            else
            {
                names.Add(name);
            }
        }

        if (input.InternalPort is not null)
        {
            errors.Add("internal_port", "applies to one custom forward; use /ports/{port_name}");
        }

        if (input.ExternalPort is not null)
        {
            errors.Add("external_port", "applies to one custom forward; use /ports/{port_name}");
        }

        return names;
    }

    private static List<string> SingleName(PortActionInput input, string portName, FieldErrors errors)
    {
        if (!ResourceName.IsValid(portName))
        {
            errors.Add("port_name", ResourceName.Rule);
        }
        else if (TemplatePorts.IsReserved(portName))
        {
            errors.Add("port_name", TemplatePorts.ReservedRule);
        }

        if (input.Ports is not null)
        {
            errors.Add("ports", "applies to the template endpoint only");
        }

        return [portName];
    }

    private static void RefuseFieldsThatDoNotApply(PortActionInput input, PortAction action, string? portName, FieldErrors errors)
    {
        switch (action)
        {
            case PortAction.Create:
                if (portName is not null && TemplatePorts.TryGetInternalPort(portName, out var fixedPort) && input.InternalPort is not null)
                {
                    errors.Add("internal_port", $"does not apply: template port '{portName}' always forwards to {fixedPort}");
                }

                break;
            case PortAction.Update:
                if (input.ExternalPort is not null)
                {
                    errors.Add("external_port", "cannot be changed; delete and create the forward instead");
                }

                if (input.Protocol is null && input.SourceIp is null && input.CustomDescription is null && input.InternalPort is null &&
                    !input.ClearSourceIp && !input.ClearCustomDescription)
                {
                    errors.Add("action", "update needs at least one of: protocol, source_ip, custom_description, internal_port");
                }

                break;
            default:
                var verb = action.ToString().ToLowerInvariant();
                Refuse(input.Protocol is not null, "protocol", verb, errors);
                Refuse(input.SourceIp is not null || input.ClearSourceIp, "source_ip", verb, errors);
                Refuse(input.CustomDescription is not null || input.ClearCustomDescription, "custom_description", verb, errors);
                if (portName is not null)
                {
                    // On the template endpoint these two already have their own message.
                    Refuse(input.InternalPort is not null, "internal_port", verb, errors);
                    Refuse(input.ExternalPort is not null, "external_port", verb, errors);
                }

                break;
        }
    }

    private static void Refuse(bool given, string field, string verb, FieldErrors errors)
    {
        if (given)
        {
            errors.Add(field, $"does not apply to action '{verb}'; only create and update take values");
        }
    }

    private static PortAction? ParseAction(string? text) => text switch
    {
        "create" => PortAction.Create,
        "delete" => PortAction.Delete,
        "pause" => PortAction.Pause,
        "enable" => PortAction.Enable,
        "disable" => PortAction.Disable,
        "update" => PortAction.Update,
        _ => null,
    };
}
