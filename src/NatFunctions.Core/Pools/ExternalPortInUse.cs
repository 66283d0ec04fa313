namespace NatFunctions.Core.Pools;

/// <summary>A forward's external port, with the VM and port name that own it.</summary>
public sealed record ExternalPortInUse(string MachineId, string PortName, int ExternalPort);
