using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator.Commit;

/// <summary>
/// The simulator's stand-in for the kernel's interfaces that conf scripts query (<c>interface_exists</c>,
/// <c>interfaces()</c>, <c>is_addr_assigned</c>, <c>is_subnet_connected</c>): the interfaces the configuration
/// defines (<c>interfaces TYPE NAME</c>, VLANs as <c>NAME.VID</c>) with their static IPv4 addresses, plus <c>lo</c>
/// (127.0.0.1/8).
/// </summary>
internal sealed class RouterInterfaces
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal) { "lo" };
    private readonly List<(uint Address, int PrefixLength)> addresses = [(0x7F000001u, 8)];

    public RouterInterfaces(ConfigStore config)
    {
        foreach (var type in config.Find(["interfaces"])?.Children ?? [])
        {
            foreach (var device in type.Children)
            {
                Add(device.Name, device);
                foreach (var vif in device.Child("vif")?.Children ?? []) Add($"{device.Name}.{vif.Name}", vif);
            }
        }
    }

    public bool Exists(string name) => this.names.Contains(name);

    /// <summary>vyos.utils.network <c>is_addr_assigned</c>: the address is on some interface.</summary>
    public bool IsAddressAssigned(string address) =>
        Ipv4Address.TryParse(address, out var number) && this.addresses.Any(assigned => assigned.Address == number);

    /// <summary><c>is_subnet_connected(subnet, primary=False)</c>: some interface address lies in the subnet.</summary>
    public bool IsSubnetConnected(Ipv4Network subnet) => this.addresses.Any(assigned => subnet.Contains(assigned.Address));

    private void Add(string name, ConfigNode node)
    {
        this.names.Add(name);
        foreach (var value in node.Child("address")?.Values ?? [])
        {
            var slash = value.IndexOf('/');
            if (slash < 0 || !Ipv4Address.TryParse(value[..slash], out var number)) continue;
            if (int.TryParse(value[(slash + 1)..], out var length)) this.addresses.Add((number, length));
        }
    }
}
