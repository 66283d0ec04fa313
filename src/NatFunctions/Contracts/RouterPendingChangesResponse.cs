namespace NatFunctions.Contracts;

/// <summary>Desired state not yet on the router: forwards and DHCP mappings whose sync state is <c>pending</c>.</summary>
public sealed record RouterPendingChangesResponse(int Forwards, int DhcpMappings, int Total);
