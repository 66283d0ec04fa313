using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Provisioning;

/// <summary>Validates a PortActionRequest for the template endpoint (<c>portName</c> null) or for one forward.</summary>
public static class PortActionValidator
{
    public static OperationResult<ValidatedPortAction> Validate(PortActionInput input, string? portName)
    {
        var errors = new FieldErrors();
        var action = ParseAction(input.Action);
        if (action is null || (portName is null && action == PortAction.Update))
        {
            errors.Add("action", portName is null
                ? "is required and must be one of: create, delete, pause, enable, disable"
                : "is required and must be one of: create, delete, pause, enable, disable, update");
        }

        var names = new List<string>();
        if (portName is null)
        {
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
        }
        else
        {
            if (!ResourceName.IsValid(portName))
            {
                errors.Add("port_name", ResourceName.Rule);
            }

            if (input.Ports is not null)
            {
                errors.Add("ports", "applies to the template endpoint only");
            }

            names.Add(portName);
        }

        var protocol = ForwardFieldValidator.Protocol(input.Protocol, "protocol", errors, fallback: null);
        var source = ForwardFieldValidator.Source(input.SourceIp, "source_ip", errors);
        var description = ForwardFieldValidator.Description(input.CustomDescription, "custom_description", errors);
        var internalPort = ForwardFieldValidator.Port(input.InternalPort, "internal_port", errors);
        var externalPort = ForwardFieldValidator.Port(input.ExternalPort, "external_port", errors);

        if (action == PortAction.Update && input.Protocol is null && input.SourceIp is null && input.CustomDescription is null && input.InternalPort is null)
        {
            errors.Add("action", "update needs at least one of: protocol, source_ip, custom_description, internal_port");
        }

        if (action == PortAction.Update && input.ExternalPort is not null)
        {
            errors.Add("external_port", "cannot be changed; delete and create the forward instead");
        }

        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        return new ValidatedPortAction(action!.Value, names, protocol, source, description, internalPort, externalPort);
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
