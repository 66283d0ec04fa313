using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

/// <summary>One page of VMs ordered by machine id; <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record VmPage(IReadOnlyList<Vm> Items, bool HasMore);
