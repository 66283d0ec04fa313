using NatFunctions.Core.Domain;
using NatFunctions.Core.Networking;
using NatFunctions.Core.Results;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// Checks a whole VMProvisionRequest and reports every bad field at once, before anything is read or written.
/// Names of routers and pools are only checked for shape here; whether they exist is the provisioner's question.
/// </summary>
public static class ProvisionValidator
{
    public const int MaxForwards = 64;
    public const int MaxMetadataLength = 4096;

    public static OperationResult<ValidatedProvision> Validate(ProvisionVmInput input)
    {
        var errors = new FieldErrors();
        if (!ResourceName.IsValid(input.VmName))
        {
            errors.Add("vm_name", $"is required: {ResourceName.Rule}");
        }

        string? mac = null;
        if (input.MacAddress is not null && !MacAddress.TryNormalise(input.MacAddress, out mac))
        {
            errors.Add("mac_address", $"must be {MacAddress.Rule}");
        }

        CheckName(input.Router, "router", errors);
        CheckName(input.IpPool, "ip_pool", errors);

        var defaultProtocol = ForwardFieldValidator.Protocol(input.Protocol, "protocol", errors, ForwardProtocol.Tcp);
        var defaultSource = ForwardFieldValidator.Source(input.SourceIp, "source_ip", errors);
        var defaultDescription = ForwardFieldValidator.Description(input.CustomDescription, "custom_description", errors);

        if (input.Metadata is { Length: > MaxMetadataLength })
        {
            errors.Add("metadata", $"must be at most {MaxMetadataLength} characters of JSON");
        }

        var forwards = new List<ForwardSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ports = input.Ports ?? TemplatePorts.Default;
        for (var i = 0; i < ports.Count; i++)
        {
            var name = ports[i];
            var field = $"ports[{i}]";
            if (name is null || !TemplatePorts.TryGetInternalPort(name, out var internalPort))
            {
                errors.Add(field, "must be one of: ssh, http, https (use forwards for custom ports)");
                continue;
            }

            if (!names.Add(name))
            {
                errors.Add(field, "is listed more than once");
                continue;
            }

            forwards.Add(new ForwardSpec(name, defaultProtocol ?? ForwardProtocol.Tcp, internalPort, null, defaultSource, defaultDescription));
        }

        var customs = input.Forwards ?? [];
        for (var i = 0; i < customs.Count; i++)
        {
            var spec = ValidateCustom(customs[i], $"forwards[{i}]", errors, defaultProtocol, defaultSource, defaultDescription);
            if (spec is null)
            {
                continue;
            }

            if (!names.Add(spec.PortName))
            {
                errors.Add($"forwards[{i}].port_name", "is already used by another forward of this request");
                continue;
            }

            forwards.Add(spec);
        }

        if (forwards.Count > MaxForwards)
        {
            errors.Add("forwards", $"a VM may have at most {MaxForwards} forwards");
        }

        var requestedPorts = forwards.Where(f => f.ExternalPort is not null).GroupBy(f => f.ExternalPort).Where(g => g.Count() > 1);
        foreach (var clash in requestedPorts)
        {
            errors.Add("forwards", $"external_port {clash.Key} is requested by more than one forward");
        }

        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        return new ValidatedProvision(input.VmName!, mac, input.Router, input.IpPool, forwards, input.Metadata);
    }

    public static ForwardSpec? ValidateCustom(
        ForwardInput? forward,
        string prefix,
        FieldErrors errors,
        ForwardProtocol? defaultProtocol,
        string? defaultSource,
        string? defaultDescription)
    {
        if (forward is null)
        {
            errors.Add(prefix, "must be an object");
            return null;
        }

        var before = errors.Count;
        if (!ResourceName.IsValid(forward.PortName))
        {
            errors.Add($"{prefix}.port_name", $"is required: {ResourceName.Rule}");
        }
        else if (TemplatePorts.IsReserved(forward.PortName!))
        {
            errors.Add($"{prefix}.port_name", TemplatePorts.ReservedRule);
        }

        if (forward.InternalPort is null)
        {
            errors.Add($"{prefix}.internal_port", "is required for a custom forward");
        }

        var internalPort = ForwardFieldValidator.Port(forward.InternalPort, $"{prefix}.internal_port", errors);
        var externalPort = ForwardFieldValidator.Port(forward.ExternalPort, $"{prefix}.external_port", errors);
        var protocol = ForwardFieldValidator.Protocol(forward.Protocol, $"{prefix}.protocol", errors, defaultProtocol);
        var source = forward.SourceIp is null ? defaultSource : ForwardFieldValidator.Source(forward.SourceIp, $"{prefix}.source_ip", errors);
        var description = forward.CustomDescription is null
            ? defaultDescription
            : ForwardFieldValidator.Description(forward.CustomDescription, $"{prefix}.custom_description", errors);

        if (errors.Count != before || internalPort is null || protocol is null)
        {
            return null;
        }

        return new ForwardSpec(forward.PortName!, protocol.Value, internalPort.Value, externalPort, source, description);
    }

    private static void CheckName(string? value, string field, FieldErrors errors)
    {
        if (value is not null && !ResourceName.IsValid(value))
        {
            errors.Add(field, ResourceName.Rule);
        }
    }
}
