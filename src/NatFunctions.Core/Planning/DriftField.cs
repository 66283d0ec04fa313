namespace NatFunctions.Core.Planning;

/// <summary>Which part of an owned router object differs from the desired state.</summary>
public enum DriftField
{
    /// <summary>Translation (VM) address or destination address of a rule; IP address of a DHCP mapping.</summary>
    Address,

    /// <summary>Destination, translation or source port.</summary>
    Ports,

    Protocol,

    /// <summary>Source address restriction.</summary>
    Source,

    Description,

    /// <summary>Inbound interface.</summary>
    Interface,

    /// <summary>The <c>disable</c> flag.</summary>
    Disable,

    /// <summary>MAC address of a DHCP mapping.</summary>
    Mac,

    /// <summary>Anything else under the object (e.g. <c>log</c>, <c>exclude</c>, options set by hand).</summary>
    Other,
}
