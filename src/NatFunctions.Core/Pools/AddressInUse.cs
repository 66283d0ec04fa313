namespace NatFunctions.Core.Pools;

/// <summary>A VM's internal address, as stored.</summary>
public sealed record AddressInUse(string MachineId, string InternalIp);
