namespace NatFunctions.Core.Routers.Preflight;

/// <summary>The ids of the preflight checks, in the order they are reported (docs/api-reference.md lists them).</summary>
public static class PreflightCheckIds
{
    public const string Connection = "connection";
    public const string Version = "version";
    public const string InboundInterface = "inbound_interface";
    public const string DhcpSubnet = "dhcp_subnet";
    public const string CommitConfirm = "commit_confirm";
    public const string ForeignRules = "foreign_rules";
    public const string ForwardFilter = "forward_filter";
}
