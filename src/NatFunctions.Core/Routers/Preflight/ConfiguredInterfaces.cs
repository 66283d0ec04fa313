using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Preflight;

/// <summary>
/// The interfaces a configuration declares: <c>interfaces TYPE NAME</c>, with VLANs as <c>NAME.VID</c>
/// (<c>vif VID</c>) and QinQ as <c>NAME.SVID.CVID</c> (<c>vif-s SVID vif-c CVID</c>), as VyOS names them.
/// </summary>
internal sealed class ConfiguredInterfaces
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public ConfiguredInterfaces(ConfigTree tree)
    {
        foreach (var type in tree.Find(["interfaces"])?.Children ?? [])
        {
            foreach (var device in type.Children)
            {
                names.Add(device.Name);
                foreach (var vif in device.FindChild("vif")?.Children ?? [])
                {
                    names.Add($"{device.Name}.{vif.Name}");
                }

                foreach (var serviceVlan in device.FindChild("vif-s")?.Children ?? [])
                {
                    names.Add($"{device.Name}.{serviceVlan.Name}");
                    foreach (var customerVlan in serviceVlan.FindChild("vif-c")?.Children ?? [])
                    {
                        names.Add($"{device.Name}.{serviceVlan.Name}.{customerVlan.Name}");
                    }
                }
            }
        }
    }

    public IReadOnlyCollection<string> Names => names;

    public bool Contains(string name) => names.Contains(name);
}
